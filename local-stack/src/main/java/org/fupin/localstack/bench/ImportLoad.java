package org.fupin.localstack.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Imports households through the real path — NDJSON jobs on {@code POST /api/v1/household-imports}, at most as many
 * jobs at once as household-service allows a caller (429 otherwise) — and waits until the reporting-service report of
 * the region shows every accepted one.
 */
final class ImportLoad {

    /**
     * @param submitted households sent, {@code accepted} + {@code rejected} by the jobs
     * @param seconds   from the first submit until the report showed every accepted household
     */
    record Outcome(long submitted, long accepted, long rejected, int jobs, double seconds) {
    }

    private ImportLoad() {
    }

    /**
     * @param bodies   NDJSON body of job {@code j}, for {@code j < jobs}
     * @param region   the region prefix whose report counts the imported households
     * @param baseline the region's registered households before the import
     */
    static Outcome run(StackClient stack, int jobs, long households, IntFunction<String> bodies, String region, long baseline,
                       String label) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>(jobs);
        long lastSay = t0;
        for (int j = 0; j < jobs; j++) {
            ids.add(stack.submitImport(bodies.apply(j)));
            if (System.nanoTime() - lastSay > 15e9) {
                lastSay = System.nanoTime();
                Bench.say(String.format("  %s: %.0f s, %d of %d jobs submitted, %d households in the report", label,
                        (lastSay - t0) / 1e9, j + 1, jobs, stack.registered(region) - baseline));
            }
        }
        long accepted = -1;
        long rejected = 0;
        long lastJobCheck = 0;
        while (true) {
            long seen = stack.registered(region) - baseline;
            long now = System.nanoTime();
            if (seen >= households || (accepted >= 0 && seen >= accepted)) {
                double seconds = (now - t0) / 1e9;
                if (accepted < 0) { // all shown: every row was accepted; read the counters for the record
                    long[] counts = counts(stack, ids);
                    accepted = counts[0];
                    rejected = counts[1];
                }
                return new Outcome(households, accepted, rejected, jobs, seconds);
            }
            if (now - lastJobCheck > 1e9) { // once a second: are all jobs done, and how many rows did they accept?
                lastJobCheck = now;
                long[] counts = counts(stack, ids);
                if (counts[2] == ids.size()) {
                    accepted = counts[0];
                    rejected = counts[1];
                }
            }
            if (now - lastSay > 15e9) {
                lastSay = now;
                Bench.say(String.format("  %s: %.0f s, %d of %d households in the report", label, (now - t0) / 1e9, seen, households));
            }
            Thread.sleep(20);
        }
    }

    /** accepted, rejected, jobs done; a finished job is asked only once */
    private static long[] counts(StackClient stack, List<String> ids) throws IOException, InterruptedException {
        long[] c = new long[3];
        for (String id : ids) {
            long[] job = DONE.get(id);
            if (job == null) {
                JsonNode j = stack.job(id);
                job = new long[]{j.path("accepted").asLong(), j.path("rejected").asLong(), "DONE".equals(j.path("state").asText()) ? 1 : 0};
                if (job[2] == 1) {
                    DONE.put(id, job);
                }
            }
            for (int i = 0; i < 3; i++) {
                c[i] += job[i];
            }
        }
        return c;
    }

    private static final java.util.Map<String, long[]> DONE = new java.util.concurrent.ConcurrentHashMap<>();
}
