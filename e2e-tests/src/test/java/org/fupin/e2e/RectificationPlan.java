package org.fupin.e2e;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The inspection of {@link RectificationE2ETest}: one source document (巡视反馈) of county 522701 with 38 issues, 5 of
 * them long-term (中长期, with milestones), led by two units (each the other's co-unit on some), worked through with
 * dated steps — acceptances, progress with evidence, reports, returns, deadline extensions, closures (销号) — so that on
 * {@link #AS_OF} some are closed on time, some late, some returned, some overdue, some not yet due. The expected report
 * figures are computed here from the plan alone (no class of the services), as of any day.
 */
final class RectificationPlan {

    static final String COUNTY = "522701000000";
    static final String COUNTY_PREFIX = "522701";
    static final List<String> VILLAGES = List.of("522701101201", "522701102202", "522701103203");
    static final String UNIT_A = "都匀市住房和城乡建设局";
    static final String UNIT_B = "都匀市教育局";
    static final String UNIT_C = "都匀市财政局";
    static final List<String> CATEGORIES = List.of("identification-accuracy", "exit-accuracy", "project-management",
            "fund-management", "policy-implementation", "work-style");
    static final LocalDate SOURCE_DATE = day("2025-03-10");
    static final LocalDate RAISED = day("2025-03-20");
    static final LocalDate RAISED_LATE = day("2025-07-15");
    static final LocalDate DEADLINE = day("2025-06-30");
    static final LocalDate LONG_DEADLINE = day("2026-12-31");
    /** The day the report is asked for: the overdue ones are counted on it. */
    static final LocalDate AS_OF = day("2025-09-30");
    /** The original deadline of most issues: none is overdue yet on it (due that day), some are not yet raised. */
    static final LocalDate MID = day("2025-06-30");

    static LocalDate day(String s) {
        return LocalDate.parse(s);
    }

    enum Kind { ACCEPT, PROGRESS, REPORT, RETURN, CLOSE, EXTEND }

    /**
     * One dated step. {@code coUnit}: a progress entry recorded by the co-unit; {@code milestone}: the milestone it marks
     * reached; {@code newDeadline}: of an extension.
     */
    record Action(Kind kind, LocalDate date, boolean coUnit, Integer milestone, LocalDate newDeadline) {
    }

    record Issue(int index, String scenario, String leadUnit, List<String> coUnits, String category, String village,
                 boolean longTerm, LocalDate raised, LocalDate deadline, List<Action> actions) {

        String key() {
            return "I" + index;
        }

        /** The state at the end of {@code d}, null when not yet raised. */
        String stateOn(LocalDate d) {
            if (raised.isAfter(d)) {
                return null;
            }
            String s = "OPEN";
            for (Action a : actions) {
                if (a.date().isAfter(d)) {
                    break;
                }
                s = switch (a.kind()) {
                    case ACCEPT -> "IN_PROGRESS";
                    case REPORT -> "REPORTED";
                    case RETURN -> "RETURNED";
                    case CLOSE -> "CLOSED";
                    default -> s;
                };
            }
            return s;
        }

        LocalDate deadlineOn(LocalDate d) {
            LocalDate dl = deadline;
            for (Action a : actions) {
                if (a.kind() == Kind.EXTEND && !a.date().isAfter(d)) {
                    dl = a.newDeadline();
                }
            }
            return dl;
        }

        LocalDate closedOn() {
            return actions.stream().filter(a -> a.kind() == Kind.CLOSE).map(Action::date).findFirst().orElse(null);
        }

        boolean overdueOn(LocalDate d) {
            LocalDate c = closedOn();
            return !raised.isAfter(d) && (c == null || c.isAfter(d)) && d.isAfter(deadlineOn(d));
        }

        boolean closedOnTimeBy(LocalDate d) {
            LocalDate c = closedOn();
            return c != null && !c.isAfter(d) && !c.isAfter(deadlineOn(c));
        }

        boolean returnedBy(LocalDate d) {
            return actions.stream().anyMatch(a -> a.kind() == Kind.RETURN && !a.date().isAfter(d));
        }

        int milestones() {
            return longTerm ? 2 : 0;
        }
    }

    // ------------------------------------------------------------------------------------------------- the plan

    private static Action a(Kind k, String date) {
        return new Action(k, day(date), false, null, null);
    }

    private static Action progress(String date) {
        return new Action(Kind.PROGRESS, day(date), false, null, null);
    }

    private static Action coProgress(String date) {
        return new Action(Kind.PROGRESS, day(date), true, null, null);
    }

    private static Action milestone(String date, int n) {
        return new Action(Kind.PROGRESS, day(date), false, n, null);
    }

    private static Action extend(String approved, String deadline) {
        return new Action(Kind.EXTEND, day(approved), false, null, day(deadline));
    }

    /** The 38 issues: 33 short-term in twelve scenarios, 5 long-term. */
    static List<Issue> issues() {
        List<Issue> out = new ArrayList<>();
        // scenario → (count, raised, deadline, long-term, actions)
        add(out, 10, "closed on time", RAISED, DEADLINE, false, i -> i % 3 == 0
                ? List.of(a(Kind.ACCEPT, "2025-03-25"), progress("2025-04-15"), coProgress("2025-04-20"), a(Kind.REPORT, "2025-05-20"),
                a(Kind.CLOSE, "2025-06-10"))
                : List.of(a(Kind.ACCEPT, "2025-03-25"), progress("2025-04-15"), a(Kind.REPORT, "2025-05-20"), a(Kind.CLOSE, "2025-06-10")));
        add(out, 4, "returned, then closed on time", RAISED, DEADLINE, false, i -> List.of(a(Kind.ACCEPT, "2025-03-25"),
                progress("2025-04-10"), a(Kind.REPORT, "2025-05-10"), a(Kind.RETURN, "2025-05-15"), a(Kind.ACCEPT, "2025-05-16"),
                progress("2025-05-25"), a(Kind.REPORT, "2025-06-01"), a(Kind.CLOSE, "2025-06-20")));
        add(out, 3, "extended, closed on time after the first deadline", RAISED, DEADLINE, false, i -> List.of(
                a(Kind.ACCEPT, "2025-03-26"), progress("2025-04-20"), extend("2025-06-25", "2025-08-31"), a(Kind.REPORT, "2025-08-10"),
                a(Kind.CLOSE, "2025-08-20")));
        add(out, 3, "closed late", RAISED, DEADLINE, false, i -> List.of(a(Kind.ACCEPT, "2025-03-26"), progress("2025-05-02"),
                a(Kind.REPORT, "2025-07-10"), a(Kind.CLOSE, "2025-07-20")));
        add(out, 2, "returned, still returned and overdue", RAISED, DEADLINE, false, i -> List.of(a(Kind.ACCEPT, "2025-03-27"),
                progress("2025-05-03"), a(Kind.REPORT, "2025-06-10"), a(Kind.RETURN, "2025-06-20")));
        add(out, 2, "reported late, waiting for verification, overdue", RAISED, DEADLINE, false, i -> List.of(
                a(Kind.ACCEPT, "2025-03-27"), progress("2025-05-01"), a(Kind.REPORT, "2025-07-15")));
        add(out, 2, "in progress, overdue", RAISED, DEADLINE, false, i -> List.of(a(Kind.ACCEPT, "2025-04-01"),
                progress("2025-05-05")));
        add(out, 1, "never accepted, overdue", RAISED, day("2025-08-31"), false, i -> List.of());
        add(out, 2, "extended before the deadline, in progress", RAISED, DEADLINE, false, i -> List.of(
                a(Kind.ACCEPT, "2025-04-02"), extend("2025-06-28", "2025-12-31"), progress("2025-07-01")));
        add(out, 2, "raised later, open, not yet due", RAISED_LATE, day("2025-12-31"), false, i -> List.of());
        add(out, 1, "raised later, in progress, not yet due", RAISED_LATE, day("2025-12-31"), false, i -> List.of(
                a(Kind.ACCEPT, "2025-07-20")));
        add(out, 1, "extended after falling overdue", RAISED, DEADLINE, false, i -> List.of(a(Kind.ACCEPT, "2025-04-03"),
                extend("2025-07-10", "2025-10-31"), progress("2025-07-12")));
        // long-term (中长期): two milestones each, due 2025-06-30 and 2026-06-30
        add(out, 2, "long-term, first milestone reached", RAISED, LONG_DEADLINE, true, i -> List.of(a(Kind.ACCEPT, "2025-03-25"),
                milestone("2025-06-15", 1), progress("2025-08-15")));
        add(out, 1, "long-term, every milestone reached, closed", RAISED, LONG_DEADLINE, true, i -> List.of(
                a(Kind.ACCEPT, "2025-03-25"), milestone("2025-05-30", 1), milestone("2025-08-01", 2), a(Kind.REPORT, "2025-08-15"),
                a(Kind.CLOSE, "2025-09-10")));
        add(out, 1, "long-term, not accepted", RAISED, LONG_DEADLINE, true, i -> List.of());
        add(out, 1, "long-term, reported, returned", RAISED, LONG_DEADLINE, true, i -> List.of(a(Kind.ACCEPT, "2025-03-28"),
                milestone("2025-06-01", 1), milestone("2025-08-05", 2), a(Kind.REPORT, "2025-08-20"), a(Kind.RETURN, "2025-09-01")));
        if (out.size() != 38 || out.stream().filter(Issue::longTerm).count() != 5) {
            throw new IllegalStateException("the plan has " + out.size() + " issues");
        }
        return out;
    }

    private static void add(List<Issue> out, int count, String scenario, LocalDate raised, LocalDate deadline, boolean longTerm,
                            Function<Integer, List<Action>> actions) {
        for (int n = 0; n < count; n++) {
            int i = out.size();
            String lead = i % 2 == 0 ? UNIT_A : UNIT_B;
            String other = i % 2 == 0 ? UNIT_B : UNIT_A;
            List<Action> steps = actions.apply(i);
            boolean coProgress = steps.stream().anyMatch(Action::coUnit);
            List<String> co = coProgress ? List.of(other, UNIT_C) : i % 4 == 1 ? List.of(UNIT_C) : List.of();
            out.add(new Issue(i, scenario, lead, co, CATEGORIES.get(i % CATEGORIES.size()), VILLAGES.get(i % VILLAGES.size()),
                    longTerm, raised, deadline, steps));
        }
    }

    // ------------------------------------------------------------------------------------------- the figures

    /**
     * The figures of these issues as of {@code d}, as the report's JSON shows them. {@code onTimeOverClosedAndOverdue}:
     * the on-time closure rate's denominator is closed + overdue (the domain's definition) rather than closed.
     */
    static Map<String, Object> figures(List<Issue> issues, LocalDate d, boolean onTimeOverClosedAndOverdue) {
        long raised = 0, open = 0, inProgress = 0, reported = 0, returned = 0, closed = 0, returnedOnce = 0, overdue = 0,
                longTermOpen = 0, onTime = 0;
        for (Issue i : issues) {
            String s = i.stateOn(d);
            if (s == null) {
                continue;
            }
            raised++;
            switch (s) {
                case "OPEN" -> open++;
                case "IN_PROGRESS" -> inProgress++;
                case "REPORTED" -> reported++;
                case "RETURNED" -> returned++;
                case "CLOSED" -> closed++;
                default -> throw new IllegalStateException(s);
            }
            returnedOnce += i.returnedBy(d) ? 1 : 0;
            overdue += i.overdueOn(d) ? 1 : 0;
            longTermOpen += i.longTerm() && !s.equals("CLOSED") ? 1 : 0;
            onTime += i.closedOnTimeBy(d) ? 1 : 0;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("raised", raised);
        f.put("open", open);
        f.put("inProgress", inProgress);
        f.put("reported", reported);
        f.put("closed", closed);
        f.put("returned", returned);
        f.put("returnedAtLeastOnce", returnedOnce);
        f.put("overdue", overdue);
        f.put("longTermOpen", longTermOpen);
        f.put("closedOnTime", onTime);
        f.put("closureRate", rate(closed, raised));
        f.put("onTimeClosureRate", rate(onTime, onTimeOverClosedAndOverdue ? closed + overdue : closed));
        return f;
    }

    /** A rate as the platform's JSON shows it: numerator, denominator, percent half-up to 2 decimals (null at 0). */
    static Map<String, Object> rate(long numerator, long denominator) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("numerator", Long.toString(numerator));
        r.put("denominator", Long.toString(denominator));
        r.put("percent", denominator == 0 ? null : new java.math.BigDecimal(numerator * 100).divide(
                java.math.BigDecimal.valueOf(denominator), 2, java.math.RoundingMode.HALF_UP).toPlainString());
        r.put("defined", denominator != 0);
        return r;
    }

    /** The figures per group (key order) of the issues raised by {@code d} that pass {@code filter}. */
    static Map<String, Map<String, Object>> grouped(List<Issue> issues, LocalDate d, Predicate<Issue> filter,
                                                    Function<Issue, String> key, boolean onTimeOverClosedAndOverdue) {
        Map<String, List<Issue>> groups = new TreeMap<>();
        for (Issue i : issues) {
            if (filter.test(i) && !i.raised().isAfter(d)) {
                groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Map<String, Object>> out = new TreeMap<>();
        groups.forEach((k, l) -> out.put(k, figures(l, d, onTimeOverClosedAndOverdue)));
        return out;
    }
}
