package org.fupin.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fupin.reporting.FundReports;
import org.fupin.reporting.domain.FundFigures;
import org.fupin.reporting.domain.FundFigures.Filter;
import org.fupin.reporting.domain.FundFigures.FundFact;
import org.fupin.reporting.domain.FundFigures.GroupBy;
import org.fupin.reporting.domain.FundFigures.ProjectPoint;
import org.fupin.reporting.domain.ProjectGrouping;
import org.fupin.reporting.repository.FundFactRepository;
import org.fupin.reporting.repository.FundProjectPointRepository;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SQL path of the fund report ({@code FundReportRepository} over {@code fund_fact}, {@code fund_month},
 * {@code project_point}) gives exactly the figures of the reference {@link FundFigures} on random ledgers: projects with
 * several versions (stages, cancellations, budget changes, a region or year corrected, stage dates out of order), money
 * of projects never known, entries written in random batches and order with replays — for every grouping, filters,
 * now and as of month ends, mid-month days and random days. Province 48 is used by this class only.
 */
@QuarkusTest
class FundReportConsistencyTest {

    static final List<String> SOURCES = List.of("central-budget", "county-budget", "bank-loans", "self-raised");
    static final List<String> STAGES = List.of("PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION", "COMPLETED",
            "ACCEPTED");
    static final List<String> VILLAGES = List.of("480101001001", "480101001002", "480101002001", "480101000000",
            "480102001001", "480102003002", "481201001001");
    static final LocalDate START = LocalDate.parse("2019-01-01");

    @Inject
    FundReportService service;
    @Inject
    FundFactRepository facts;
    @Inject
    FundProjectPointRepository points;

    final Random rnd = new Random(20261126);

    LocalDate day() {
        return START.plusDays(rnd.nextInt(3 * 365));
    }

    String amount() {
        return BigDecimal.valueOf(1 + rnd.nextInt(9_999_999), 2).toPlainString();
    }

    @Test
    void theSqlSumsAreTheDomainsFiguresOnRandomLedgers() {
        List<ProjectPoint> ps = new ArrayList<>();
        Map<String, String> factRegion = new LinkedHashMap<>();
        Map<String, List<String>> projectSources = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String id = UUID.randomUUID().toString();
            String region = VILLAGES.get(rnd.nextInt(VILLAGES.size()));
            int year = 2019 + rnd.nextInt(3);
            String category = rnd.nextInt(5) == 0 ? null : rnd.nextBoolean() ? "industry" : "infrastructure";
            String batch = rnd.nextInt(3) == 0 ? null : rnd.nextBoolean() ? "first" : "second";
            Map<String, BigDecimal> budget = new LinkedHashMap<>();
            for (String s : SOURCES) {
                if (rnd.nextInt(3) == 0 || budget.isEmpty() && s.equals("self-raised")) {
                    budget.put(s, new BigDecimal(amount()));
                }
            }
            int stage = 0;
            int versions = 1 + rnd.nextInt(5);
            for (int v = 1; v <= versions; v++) {
                String st;
                if (v > 1 && rnd.nextInt(8) == 0) {
                    st = "CANCELLED";
                } else {
                    stage = Math.min(STAGES.size() - 1, stage + rnd.nextInt(3));
                    st = STAGES.get(stage);
                }
                if (v > 1 && rnd.nextInt(6) == 0) { // a correction while planned: region or year
                    region = VILLAGES.get(rnd.nextInt(VILLAGES.size()));
                    year = 2019 + rnd.nextInt(3);
                }
                if (v > 1 && rnd.nextInt(4) == 0) { // a budget adjustment
                    budget = new LinkedHashMap<>(budget);
                    budget.put(SOURCES.get(rnd.nextInt(SOURCES.size())), new BigDecimal(amount()));
                }
                ps.add(new ProjectPoint(id, v, day(), region, year, category, batch, st, budget));
                if ("CANCELLED".equals(st)) {
                    break;
                }
            }
            factRegion.put(id, region);
            projectSources.put(id, List.copyOf(budget.keySet()));
        }
        for (int i = 0; i < 6; i++) { // money of projects never known
            String id = UUID.randomUUID().toString();
            factRegion.put(id, VILLAGES.get(rnd.nextInt(VILLAGES.size())));
            projectSources.put(id, List.of(SOURCES.get(rnd.nextInt(SOURCES.size()))));
        }
        List<String> ids = List.copyOf(factRegion.keySet());
        List<FundFact> fs = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            String p = ids.get(rnd.nextInt(ids.size()));
            List<String> own = projectSources.get(p);
            String source = rnd.nextInt(10) == 0 ? SOURCES.get(rnd.nextInt(SOURCES.size())) : own.get(rnd.nextInt(own.size()));
            String e = UUID.randomUUID().toString();
            String r = factRegion.get(p);
            LocalDate d = day();
            BigDecimal a = new BigDecimal(amount());
            fs.add(switch (rnd.nextInt(6)) {
                case 0 -> FundFact.allocated(e, p, r, source, d, a);
                case 1 -> FundFact.adjusted(e, p, r, source, d, rnd.nextBoolean() ? "OUT" : "IN", a);
                case 2 -> FundFact.disbursed(e, p, r, source, d, a);
                case 3 -> FundFact.reimbursed(e, p, r, source, d, a);
                case 4 -> FundFact.reversed(e, p, r, source, d, a);
                default -> FundFact.recalled(e, p, r, source, d, a, a.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN));
            });
        }

        // stored in random batches and order, each point and entry possibly more than once
        List<ProjectPoint> pointOrder = new ArrayList<>(ps);
        pointOrder.addAll(ps.subList(0, ps.size() / 3));
        Collections.shuffle(pointOrder, rnd);
        List<FundFact> factOrder = new ArrayList<>(fs);
        factOrder.addAll(fs.subList(0, fs.size() / 3));
        Collections.shuffle(factOrder, rnd);
        int p = 0;
        int f = 0;
        while (p < pointOrder.size() || f < factOrder.size()) {
            int toP = Math.min(pointOrder.size(), p + 1 + rnd.nextInt(15));
            int toF = Math.min(factOrder.size(), f + 1 + rnd.nextInt(60));
            List<FundProjectPointRepository.Point> pb = new ArrayList<>();
            Map<String, Boolean> seen = new LinkedHashMap<>();
            for (ProjectPoint pt : pointOrder.subList(p, toP)) {
                if (seen.putIfAbsent(pt.projectId() + "|" + pt.version(), true) == null) {
                    pb.add(new FundProjectPointRepository.Point("test", pt));
                }
            }
            List<FundFactRepository.Entry> fb = factOrder.subList(f, toF).stream()
                    .map(x -> new FundFactRepository.Entry(UUID.randomUUID(), "test", x.regionCode().substring(0, 6) + "000000", x))
                    .toList();
            QuarkusTransaction.requiringNew().run(() -> {
                points.insert(pb);
                facts.insert(fb);
            });
            p = toP;
            f = toF;
        }

        List<LocalDate> days = new ArrayList<>(List.of(LocalDate.parse("2019-12-31"), LocalDate.parse("2020-06-30"),
                LocalDate.parse("2020-02-29"), LocalDate.parse("2020-07-15"), LocalDate.parse("2018-12-31"),
                LocalDate.parse("2021-01-01"), LocalDate.parse("2030-01-01")));
        for (int i = 0; i < 5; i++) {
            days.add(day());
        }
        days.add(0, null);
        List<Filter> filters = new ArrayList<>(List.of(new Filter("48", null, null, null, null),
                new Filter("480101", null, null, null, null), new Filter("480101001", null, null, null, null),
                new Filter("480102", 2020, null, null, null), new Filter("48", null, "industry", null, null),
                new Filter("48", null, null, "first", "central-budget"), new Filter("480101", null, null, null, "bank-loans")));
        for (int i = 0; i < 8; i++) {
            filters.add(new Filter(List.of("48", "480101", "480102", "4812").get(rnd.nextInt(4)),
                    rnd.nextBoolean() ? null : 2019 + rnd.nextInt(3), rnd.nextBoolean() ? null : "industry",
                    rnd.nextBoolean() ? null : "second", rnd.nextBoolean() ? null : SOURCES.get(rnd.nextInt(SOURCES.size()))));
        }
        int compared = 0;
        for (Filter filter : filters) {
            for (LocalDate day : days) {
                assertEquals(FundFigures.of(ps, fs, day, filter), service.report(filter, day, null, 0).total(),
                        filter + " as of " + day);
                for (GroupBy g : GroupBy.values()) {
                    int child = g == GroupBy.REGION ? ProjectGrouping.childLength(filter.regionPrefix(), "groupBy") : 0;
                    FundFigures.Grouped expected = FundFigures.grouped(ps, fs, day, filter, g);
                    FundReport actual = service.report(filter, day, g, child);
                    assertEquals(FundReports.rows(expected),
                            actual.rows().stream().map(r -> r.group() + ": " + FundReports.line(r.figures())).toList(),
                            filter + " by " + g + " as of " + day);
                    assertEquals(expected.total(), actual.total(), filter + " by " + g + " as of " + day);
                    compared++;
                }
            }
        }
        assertEquals(filters.size() * days.size() * GroupBy.values().length, compared);
    }
}
