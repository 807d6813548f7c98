package org.fupin.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The issues of one county whose rectification figures are computed by hand in {@code RectificationReportApiTest}: two
 * sources (an inspection document of 2021, an audit of 2020), two lead units, townships 001 and 002 and the county
 * itself. Deadline 2021-06-30 unless said otherwise.
 * <pre>
 * i1 S1 identification-accuracy T1 unit-a: accepted 03-15, reported 04-01, closed 04-10 (on time)
 * i2 S1 identification-accuracy T1 unit-a: reported 04-01, returned 04-05, accepted 04-06, reported 07-01, closed 07-10 (late)
 * i3 S1 exit-accuracy           T2 unit-b: extended to 09-30 on 06-20, reported 09-01, closed 09-15 (on time)
 * i4 S1 exit-accuracy           T2 unit-b: open
 * i5 S1 project-management      county unit-a: long-term, deadline 2022-12-31, accepted, progress 06-01
 * i6 S2 fund-management         T2 unit-b: raised 2021-01-05, deadline 03-31, reported 03-20, returned 03-25
 * i7 S2 fund-management         T1 unit-a: raised 2021-01-05, deadline 03-31, reported 03-30
 * i8 S1 identification-accuracy T1 unit-b: raised 2022-02-01, deadline 2022-06-30, open
 * </pre>
 */
public final class RectificationLibrary {

    public final String county;
    public final String t1;
    public final String t2;
    public final TestIssue.Source s1;
    public final TestIssue.Source s2;
    public final List<TestIssue> issues = new ArrayList<>();

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** @param county a 6-digit county prefix; the sources' ids are made from it, so rows keep one order */
    public RectificationLibrary(String county) {
        this.county = county;
        this.t1 = county + "001001";
        this.t2 = county + "002001";
        String c8 = (county + "00").substring(0, 8);
        s1 = new TestIssue.Source(c8 + "-0000-4000-8000-000000000001", "inspection", "豫扶组〔2021〕1号", d("2021-03-01"));
        s2 = new TestIssue.Source(c8 + "-0000-4000-8000-000000000002", "audit", "豫审〔2020〕7号", d("2020-11-20"));
        LocalDate raised = d("2021-03-10");
        LocalDate dl = d("2021-06-30");
        issues.add(TestIssue.raise(s1, "identification-accuracy", t1, "unit-a", false, raised, dl)
                .accept(d("2021-03-15")).report(d("2021-04-01")).close(d("2021-04-10")));
        issues.add(TestIssue.raise(s1, "identification-accuracy", t1, "unit-a", false, raised, dl)
                .accept(d("2021-03-15")).report(d("2021-04-01")).sendBack(d("2021-04-05")).accept(d("2021-04-06"))
                .report(d("2021-07-01")).close(d("2021-07-10")));
        issues.add(TestIssue.raise(s1, "exit-accuracy", t2, "unit-b", false, raised, dl)
                .accept(d("2021-03-15")).extend(d("2021-09-30"), d("2021-06-20")).report(d("2021-09-01")).close(d("2021-09-15")));
        issues.add(TestIssue.raise(s1, "exit-accuracy", t2, "unit-b", false, raised, dl));
        issues.add(TestIssue.raise(s1, "project-management", county + "000000", "unit-a", true, raised, d("2022-12-31"))
                .accept(d("2021-03-15")).progress(d("2021-06-01")));
        issues.add(TestIssue.raise(s2, "fund-management", t2, "unit-b", false, d("2021-01-05"), d("2021-03-31"))
                .accept(d("2021-01-06")).report(d("2021-03-20")).sendBack(d("2021-03-25")));
        issues.add(TestIssue.raise(s2, "fund-management", t1, "unit-a", false, d("2021-01-05"), d("2021-03-31"))
                .accept(d("2021-01-06")).report(d("2021-03-30")));
        issues.add(TestIssue.raise(s1, "identification-accuracy", t1, "unit-b", false, d("2022-02-01"), d("2022-06-30")));
    }

    public List<TestIssue.Sent> events() {
        return TestIssue.eventsOf(issues);
    }
}
