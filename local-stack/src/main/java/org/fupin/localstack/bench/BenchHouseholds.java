package org.fupin.localstack.bench;

import org.fupin.localstack.chaos.ResidentIds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Realistic households with valid resident ID numbers, as NDJSON lines of the bulk import
 * ({@code POST /api/v1/household-imports}) and as CSV rows for the COPY baseline.
 * <p>
 * Household {@code i} of a data set is always the same (members, ID numbers, village), so a run can add the households
 * an earlier run did not load. Its members' ID numbers are those of person keys {@code 6i … 6i+5} (at most 6 members):
 * birth date from the key, sequence from the key, area of issue given per data set — unique for 25 million persons
 * per area.
 */
public final class BenchHouseholds {

    static final String[] RELATIONS = {"SPOUSE", "CHILD", "CHILD", "PARENT", "GRANDCHILD"};
    static final int MAX_MEMBERS = 6;
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1940, 1, 1);
    private static final int BIRTH_DAYS = 25_000; // 1940 … 2008

    public record Person(String name, String residentId, String relation, String sex, LocalDate birth) {
    }

    public record Household(long index, String village, int identificationYear, String wages, List<Person> members) {
    }

    private final String idArea;
    private final LongFunction<String> villageOf;

    /**
     * @param idArea    6-digit area of issue of the members' ID numbers, one per data set
     * @param villageOf the 12-digit village of household {@code i}
     */
    public BenchHouseholds(String idArea, LongFunction<String> villageOf) {
        if (!idArea.matches("[1-9][0-9]{5}")) {
            throw new IllegalArgumentException("area of issue must be 6 digits: " + idArea);
        }
        this.idArea = idArea;
        this.villageOf = villageOf;
    }

    /**
     * The bench's province 65 for the report queries: 10 cities × 10 counties × 10 townships × 10 villages, household
     * {@code i} in village {@code i mod 10,000} (100 households a village at 1,000,000).
     */
    public static String provinceVillage(long i) {
        int v = (int) (i % 10_000);
        return String.format("65%02d%02d%03d%03d", 1 + v / 1000, 1 + (v / 100) % 10, 1 + (v / 10) % 10, 1 + v % 10);
    }

    /** The prefix of a 12-digit code at a level: province 2, city 4, county 6, township 9, village 12 digits. */
    public static String prefix(String village, int digits) {
        return village.substring(0, digits);
    }

    public Household household(long i) {
        SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 7);
        int size = 1 + Math.min(MAX_MEMBERS - 1, (int) Math.abs(gaussian(random) * 1.6 + 2.5)); // 1..6, mostly 3-4
        List<Person> members = new ArrayList<>(size);
        for (int m = 0; m < size; m++) {
            long key = i * MAX_MEMBERS + m;
            LocalDate birth = FIRST_BIRTH.plusDays(key % BIRTH_DAYS);
            int sequence = (int) ((key / BIRTH_DAYS) % 1000);
            if (key / BIRTH_DAYS >= 1000) {
                throw new IllegalStateException("more than 25 million persons for area " + idArea);
            }
            String id = ResidentIds.of(idArea, birth, sequence);
            String sex = (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE";
            members.add(new Person(m == 0 ? "户主" + i : "成员" + i + "-" + m, id,
                    m == 0 ? "HEAD" : RELATIONS[random.nextInt(RELATIONS.length)], sex, birth));
        }
        return new Household(i, villageOf.apply(i), 2014 + random.nextInt(6), (20_000 + random.nextInt(30_000)) + ".00", members);
    }

    private static double gaussian(SplittableRandom r) { // Box–Muller; SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** One NDJSON line of the bulk import (without the newline). */
    public static String ndjson(Household h) {
        StringBuilder s = new StringBuilder(256 + 400 * h.members().size())
                .append("{\"identificationYear\":").append(h.identificationYear()).append(",\"household\":{\"regionCode\":\"")
                .append(h.village()).append("\",\"householdType\":\"ORDINARY\",\"mainCause\":\"ILLNESS\",\"otherCauses\":[\"LACK_OF_SKILLS\"],")
                .append("\"incomeYear\":2020,\"incomeItems\":{\"WAGES\":\"").append(h.wages()).append("\"},\"members\":[");
        for (int i = 0; i < h.members().size(); i++) {
            Person p = h.members().get(i);
            if (i > 0) {
                s.append(',');
            }
            s.append("{\"name\":\"").append(p.name()).append("\",\"residentId\":\"").append(p.residentId()).append("\",\"relation\":\"")
                    .append(p.relation()).append("\",\"sex\":\"").append(p.sex()).append("\",\"birthDate\":\"").append(p.birth())
                    .append("\",\"health\":\"HEALTHY\",\"disability\":\"NONE\",\"labourAbility\":\"NORMAL\",\"education\":\"PRIMARY\",")
                    .append("\"schoolingStatus\":\"FINISHED\",\"migrantWork\":false}");
        }
        return s.append("]}}").toString();
    }

    /** NDJSON body of households {@code from} (inclusive) to {@code to} (exclusive). */
    public String ndjson(long from, long to) {
        StringBuilder body = new StringBuilder();
        for (long i = from; i < to; i++) {
            body.append(ndjson(household(i))).append('\n');
        }
        return body.toString();
    }
}
