package org.fupin.reporting;

import org.fupin.reporting.domain.FundFigures.FundFact;
import org.fupin.reporting.domain.FundFigures.ProjectPoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A county's small project library with its money over two years (the data of {@code FundFiguresTest}), as project and
 * fund events kept unsent (a test decides the order), plus the same data as {@code FundFigures} points and facts:
 * <pre>
 * p1 2019 industry       first   township 001  central 100000, county 20000  PLANNED 2019-02-01, UNDER_CONSTRUCTION 2019-05-01
 * p2 2019 infrastructure (none)  township 002  central 50000                 PLANNED 2019-02-01
 * p3 2020 industry       first   township 001  central 200000, loans 300000  PLANNED 2020-01-10, UC 2020-04-01, COMPLETED 2020-10-01
 * p4 2020 industry       (none)  township 002  central 10000                 PLANNED 2020-01-15, CANCELLED 2020-06-01
 * p5 never published as a project (township 002): self-raised money only
 * money: p1 allocated 100000 + 20000 (2019-03-01), disbursed 80000 (2019-06-01), reimbursed 60000 (2019-12-31) and 5000
 *        (2020-01-05), the 5000 reversed 2020-01-20;
 *        p3 allocated 200000 (2020-03-01) + loans 300000 (2020-03-15), disbursed loans 300000 (2020-04-10), central 150000
 *        (2020-05-01), reimbursed loans 250000 and central 100000 (2020-11-01);
 *        p4 allocated 10000 (2020-02-01), adjusted to p2 on 2020-07-01; p5 allocated 800 (2020-08-01), disbursed 700
 *        (2020-08-02), reimbursed 700 (2020-09-01), 100 recalled (2020-12-01).
 * </pre>
 */
public final class FundLibrary {

    static final LocalDate EFFECTIVE = LocalDate.of(2026, 11, 20); // TestProject's effective date

    public final String county;
    public final TestProject p1, p2, p3, p4;
    public final TestFund f1, f2, f3, f4, f5;
    public final List<Runnable> projectEvents = new ArrayList<>();
    public final List<ProjectPoint> points = new ArrayList<>();

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    public FundLibrary(String county) {
        this.county = county;
        p1 = project(county + "001001", 2019, "industry", "first").budget("central-budget", "100000.00")
                .budget("county-budget", "20000.00");
        p2 = project(county + "002001", 2019, "infrastructure", null).budget("central-budget", "50000.00");
        p3 = project(county + "001002", 2020, "industry", "first").budget("central-budget", "200000.00")
                .budget("bank-loans", "300000.00");
        p4 = project(county + "002002", 2020, "industry", null).budget("central-budget", "10000.00");
        f1 = new TestFund(p1);
        f2 = new TestFund(p2);
        f3 = new TestFund(p3);
        f4 = new TestFund(p4);
        f5 = new TestFund(java.util.UUID.randomUUID().toString(), county + "002003");

        register(p1, "2019-02-01");
        step(p1, "CONSTRUCTION_START", "UNDER_CONSTRUCTION", "2019-05-01");
        register(p2, "2019-02-01");
        register(p3, "2020-01-10");
        step(p3, "CONSTRUCTION_START", "UNDER_CONSTRUCTION", "2020-04-01");
        step(p3, "COMPLETION", "COMPLETED", "2020-10-01");
        register(p4, "2020-01-15");
        p4.stageDate = d("2020-06-01");
        p4.cancel();
        point(p4, "project.cancelled.v1");

        f1.allocate("central-budget", "100000.00", d("2019-03-01"));
        f1.allocate("county-budget", "20000.00", d("2019-03-01"));
        f1.disburse("central-budget", "80000.00", d("2019-06-01"));
        f1.reimburse("central-budget", "60000.00", d("2019-12-31"));
        String wrong = f1.reimburse("central-budget", "5000.00", d("2020-01-05"));
        f1.reverse(wrong, "central-budget", "5000.00", d("2020-01-05"), d("2020-01-20"));
        f3.allocate("central-budget", "200000.00", d("2020-03-01"));
        f3.allocate("bank-loans", "300000.00", d("2020-03-15"));
        f3.disburse("bank-loans", "300000.00", d("2020-04-10"));
        f3.reimburse("bank-loans", "250000.00", d("2020-11-01"));
        f3.disburse("central-budget", "150000.00", d("2020-05-01"));
        f3.reimburse("central-budget", "100000.00", d("2020-11-01"));
        f4.allocate("central-budget", "10000.00", d("2020-02-01"));
        f4.adjustTo(f2, "central-budget", "10000.00", d("2020-07-01"));
        f5.allocate("self-raised", "800.00", d("2020-08-01"));
        f5.disburse("self-raised", "700.00", d("2020-08-02"));
        f5.reimburse("self-raised", "700.00", d("2020-09-01"));
        f5.recall("self-raised", "100.00", "0.00", "COMPLETED", d("2020-12-01"));
    }

    private TestProject project(String region, int year, String category, String batch) {
        TestProject p = new TestProject(region, year, category, batch);
        p.held = projectEvents;
        return p;
    }

    private void register(TestProject p, String date) {
        p.stageDate = d(date);
        p.register();
        point(p, "project.registered.v1");
    }

    private void step(TestProject p, String step, String to, String date) {
        p.stageDate = d(date);
        p.step(step, to);
        point(p, "project.stage-changed.v1");
    }

    private void point(TestProject p, String type) {
        Map<String, BigDecimal> budget = new LinkedHashMap<>();
        p.budget.forEach((s, a) -> budget.put(s, new BigDecimal(a)));
        points.add(new ProjectPoint(p.id, p.version(), ProjectPoint.validFrom(type, p.stageDate, EFFECTIVE), p.region, p.year,
                p.category, p.batch, p.stage, budget));
    }

    /**
     * Markers behind everything sent so far, on every key: a progress report of each project (investment 1.00, no fund
     * figure changes) and an allocation of 0.01 on each ledger (2020-12-15). Once they show, what was sent before them on
     * the same partitions was consumed. Sends them.
     */
    public void sendMarkers() {
        int from = projectEvents.size();
        for (TestProject p : List.of(p1, p2, p3, p4)) {
            p.progress(p.progress == null ? "10.00" : p.progress, "1.00");
            point(p, "project.progress-reported.v1");
        }
        projectEvents.subList(from, projectEvents.size()).forEach(Runnable::run);
        for (TestFund f : funds()) {
            f.allocate(f == f5 ? "self-raised" : f == f3 ? "bank-loans" : "central-budget", "0.01", d("2020-12-15"));
            f.events.get(f.events.size() - 1).send();
        }
    }

    public List<TestFund> funds() {
        return List.of(f1, f2, f3, f4, f5);
    }

    public List<FundFact> facts() {
        List<FundFact> out = new ArrayList<>();
        funds().forEach(f -> out.addAll(f.facts));
        return out;
    }

    public List<TestFund.Sent> fundEvents() {
        List<TestFund.Sent> out = new ArrayList<>();
        funds().forEach(f -> out.addAll(f.events));
        return out;
    }

    public void sendProjects() {
        projectEvents.forEach(Runnable::run);
    }

    public void sendFunds() {
        funds().forEach(TestFund::send);
    }
}
