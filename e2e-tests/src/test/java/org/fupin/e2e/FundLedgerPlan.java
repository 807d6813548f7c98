package org.fupin.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fund ledger {@link FundLedgerE2ETest} records — a county library of 15 projects over 2019–2022 and the money of
 * 15 allocation documents spread over them, paid out, settled, one voucher reversed, money adjusted between two
 * projects, a completed project's balance recalled, a project cancelled after money reached it and a budget cut below
 * what was allocated — and the figures it must produce, computed here in plain Java (BigDecimal sums) from the plan's
 * own data, on purpose without any class of fund-service or reporting-service, so a wrong formula in either shows as a
 * difference instead of agreeing with itself.
 * <p>
 * Every date is a business date: a project's state on a day is the one its latest stage step (or budget cut) dated on
 * or before that day left; an entry counts from its document, payment order, voucher, reversal or recall date. The
 * events of each project are dated in the order they are sent, so "the newest version valid on the day" and "the
 * latest change dated on or before the day" are the same thing.
 */
final class FundLedgerPlan {

    /** City 5226 (province 52): no other test uses it. */
    static final String CITY = "5226";
    static final List<String> COUNTIES = List.of("522601000000", "522622000000");
    static final String PROVINCE = "520000000000";
    static final String CITY_REGION = "522600000000";
    static final LocalDate AS_OF = LocalDate.of(2020, 12, 31);

    static BigDecimal money(String s) {
        return new BigDecimal(s).setScale(2, RoundingMode.UNNECESSARY);
    }

    static LocalDate day(String s) {
        return LocalDate.parse(s);
    }

    // ------------------------------------------------------------------------------------------------ projects

    /** A stage step of project-service (PRE_APPROVAL … ACCEPTANCE) on a day, with its document where one is needed. */
    record Step(String step, LocalDate date, String document) {
        String stage() {
            return switch (step) {
                case "PRE_APPROVAL" -> "PRE_APPROVAL_DONE";
                case "TENDERING" -> "TENDERING";
                case "CONSTRUCTION_START" -> "UNDER_CONSTRUCTION";
                case "COMPLETION" -> "COMPLETED";
                case "ACCEPTANCE" -> "ACCEPTED";
                default -> throw new IllegalStateException(step);
            };
        }
    }

    /**
     * One project of the library.
     *
     * @param key        the plan's name for it (P0 …)
     * @param entered    its entry date (入库, stage PLANNED)
     * @param steps      its stage steps in order
     * @param cancelled  cancellation date (after its money moved), or null
     * @param cutBudget  the budget after a cut (项目调整) below what was allocated, or null
     * @param cutDate    the date of that cut
     */
    record Project(String key, int index, String code, int year, String category, String region, int county,
                   Map<String, BigDecimal> budget, LocalDate entered, List<Step> steps, LocalDate cancelled,
                   Map<String, BigDecimal> cutBudget, LocalDate cutDate) {

        String countyCode() {
            return COUNTIES.get(county);
        }

        /** Known to the library on the day (null: now). */
        boolean known(LocalDate day) {
            return day == null || !entered.isAfter(day);
        }

        /** The stage on the day (null: now); the project must be known then. */
        String stage(LocalDate day) {
            if (cancelled != null && (day == null || !cancelled.isAfter(day))) {
                return "CANCELLED";
            }
            String stage = "PLANNED";
            for (Step s : steps) {
                if (day == null || !s.date().isAfter(day)) {
                    stage = s.stage();
                }
            }
            return stage;
        }

        /** The stage before any cancellation: what fund-service's replica holds while the money is recorded. */
        String stageBeforeCancellation() {
            return steps.isEmpty() ? "PLANNED" : steps.get(steps.size() - 1).stage();
        }

        Map<String, BigDecimal> budget(LocalDate day) {
            if (cutBudget != null && (day == null || !cutDate.isAfter(day))) {
                return cutBudget;
            }
            return budget;
        }

        boolean live(LocalDate day) {
            return known(day) && !"CANCELLED".equals(stage(day));
        }

        boolean implemented(LocalDate day) {
            return live(day) && Set.of("UNDER_CONSTRUCTION", "COMPLETED", "ACCEPTED").contains(stage(day));
        }

        /** The date of the progress report at 100 % that precedes completion (null when the project is not completed). */
        LocalDate fullProgressDate() {
            for (Step s : steps) {
                if (s.step().equals("COMPLETION")) {
                    return s.date().minusDays(10);
                }
            }
            return null;
        }
    }

    static Map<String, BigDecimal> budget(String... sourceAmount) {
        Map<String, BigDecimal> m = new TreeMap<>();
        for (int i = 0; i < sourceAmount.length; i += 2) {
            m.put(sourceAmount[i], money(sourceAmount[i + 1]));
        }
        return m;
    }

    /** The stage path of a category up to {@code last} (its flow: tendering skipped where the category skips it). */
    static List<Step> path(int year, int index, String category, String last, String constructionDate) {
        String y = Integer.toString(year);
        List<Step> all = new ArrayList<>();
        all.add(new Step("PRE_APPROVAL", day(y + "-02-01"), "黔东南发改〔" + y + "〕" + (300 + index) + "号"));
        if (!ProjectLibraryPlan.SKIP_TENDERING.contains(category)) {
            all.add(new Step("TENDERING", day(y + "-03-01"), null));
        }
        all.add(new Step("CONSTRUCTION_START", day(constructionDate != null ? constructionDate : y + "-04-01"), null));
        all.add(new Step("COMPLETION", day(y + "-10-01"), null));
        all.add(new Step("ACCEPTANCE", day(y + "-11-01"), "验收〔" + y + "〕" + (400 + index) + "号"));
        if (last.equals("PLANNED")) {
            return List.of();
        }
        List<Step> out = new ArrayList<>();
        for (Step s : all) {
            out.add(s);
            if (s.stage().equals(last)) {
                return out;
            }
        }
        throw new IllegalArgumentException(category + " never reaches " + last);
    }

    static List<Project> projects(String runTag) {
        List<Project> out = new ArrayList<>();
        String c0 = COUNTIES.get(0).substring(0, 6);
        String c1 = COUNTIES.get(1).substring(0, 6);
        Object[][] rows = {
                // key, year, category, region, county, final stage (before cancellation), construction date, budget
                {2019, "industry", c0 + "001002", 0, "ACCEPTED", null, budget("central-budget", "300000.00", "provincial-budget", "120000.00")},
                {2019, "village-infrastructure", c1 + "002001", 1, "COMPLETED", null, budget("bank-loans", "800000.00", "county-budget", "50000.00")},
                {2019, "education", c0 + "000000", 0, "UNDER_CONSTRUCTION", null, budget("central-budget", "150000.00")},
                {2020, "industry", c1 + "001000", 1, "COMPLETED", null, budget("central-budget", "260000.00", "east-west-cooperation", "90000.00")},
                // 2020 project whose construction starts in 2021: implemented now, not as of 2020-12-31
                {2020, "living-conditions", c0 + "002003", 0, "UNDER_CONSTRUCTION", "2021-03-01", budget("provincial-budget", "180000.00", "county-budget", "40000.00")},
                {2020, "village-infrastructure", c0 + "001001", 0, "UNDER_CONSTRUCTION", "2020-05-01", budget("bank-loans", "500000.00")},
                {2020, "village-public-services", c0 + "001000", 0, "PRE_APPROVAL_DONE", null, budget("bank-loans", "200000.00", "county-budget", "30000.00")},
                // cancelled on 2020-08-01, after money reached it
                {2020, "health", c1 + "000000", 1, "PRE_APPROVAL_DONE", null, budget("central-budget", "100000.00")},
                // its central budget is cut below what was allocated on 2021-09-01
                {2021, "industry", c0 + "002000", 0, "UNDER_CONSTRUCTION", null, budget("central-budget", "400000.00", "provincial-budget", "100000.00", "self-raised", "50000.00")},
                {2021, "employment", c1 + "001003", 1, "COMPLETED", null, budget("social-donations", "80000.55", "county-budget", "20000.00")},
                {2021, "relocation", c1 + "000000", 1, "UNDER_CONSTRUCTION", null, budget("relocation", "1234567.89")},
                {2022, "financial", c0 + "000000", 0, "PLANNED", null, budget("central-budget", "250000.00")},
                {2022, "comprehensive-safety-net", c1 + "002000", 1, "PRE_APPROVAL_DONE", null, budget("paired-assistance", "60000.00")},
                {2022, "village-infrastructure", c1 + "002002", 1, "UNDER_CONSTRUCTION", null, budget("bank-loans", "700000.00", "county-budget", "70000.00")},
                {2021, "project-management-costs", c0 + "000000", 0, "PLANNED", null, budget()},
        };
        for (int i = 0; i < rows.length; i++) {
            Object[] r = rows[i];
            int year = (Integer) r[0];
            String category = (String) r[1];
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> b = (Map<String, BigDecimal>) r[6];
            LocalDate cancelled = i == 7 ? day("2020-08-01") : null;
            Map<String, BigDecimal> cut = i == 8 ? budget("central-budget", "200000.00", "provincial-budget", "100000.00",
                    "self-raised", "50000.00") : null;
            out.add(new Project("P" + i, i, "FUND-" + runTag + "-" + String.format("%02d", i), year, category, (String) r[2],
                    (Integer) r[3], b, day(year + "-01-10"), path(year, i, category, (String) r[4], (String) r[5]), cancelled, cut,
                    cut == null ? null : day("2021-09-01")));
        }
        return out;
    }

    static final String CANCELLED_PROJECT = "P7";
    static final String CUT_PROJECT = "P8";
    static final String RECALLED_PROJECT = "P1";
    static final String ADJUSTED_FROM = "P5";
    static final String ADJUSTED_TO = "P6";

    // ------------------------------------------------------------------------------------------------ the money

    /** 资金下达文件 with its lines (project key → amount); {@code linesLater}: created without lines, lines added after. */
    record Document(String key, String number, LocalDate date, String source, int year, String issuer, int county,
                    BigDecimal amount, Map<String, BigDecimal> lines, boolean linesLater) {
        String countyCode() {
            return COUNTIES.get(county);
        }
    }

    static Map<String, BigDecimal> lines(String... projectAmount) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < projectAmount.length; i += 2) {
            m.put(projectAmount[i], money(projectAmount[i + 1]));
        }
        return m;
    }

    static List<Document> documents() {
        String county0 = COUNTIES.get(0);
        String county1 = COUNTIES.get(1);
        return List.of(
                new Document("D1", "黔财农〔2019〕11号", day("2019-03-05"), "central-budget", 2019, PROVINCE, 0, money("500000.00"),
                        lines("P0", "300000.00", "P2", "150000.00"), false),
                new Document("D2", "黔财农〔2019〕12号", day("2019-03-20"), "provincial-budget", 2019, PROVINCE, 0, money("120000.00"),
                        lines("P0", "120000.00"), false),
                // a development-bank loan arrives (到位) as a document of source bank-loans
                new Document("D3", "国开行黔东南贷〔2019〕3号", day("2019-04-10"), "bank-loans", 2019, CITY_REGION, 1, money("800000.00"),
                        lines("P1", "800000.00"), false),
                new Document("D4", "县财农〔2019〕5号", day("2019-05-01"), "county-budget", 2019, county1, 1, money("50000.00"),
                        lines("P1", "50000.00"), false),
                new Document("D5", "黔财农〔2020〕8号", day("2020-03-01"), "central-budget", 2020, PROVINCE, 1, money("400000.00"),
                        lines("P3", "260000.00", "P7", "100000.00"), false),
                new Document("D6", "东西协作〔2020〕2号", day("2020-04-01"), "east-west-cooperation", 2020, PROVINCE, 1, money("90000.00"),
                        lines("P3", "90000.00"), false),
                new Document("D7", "国开行黔东南贷〔2020〕7号", day("2020-05-10"), "bank-loans", 2020, CITY_REGION, 0, money("600000.00"),
                        lines("P5", "500000.00", "P6", "100000.00"), false),
                // issued first, spread over its project later (POST …/lines)
                new Document("D8", "黔财农〔2020〕21号", day("2020-06-01"), "provincial-budget", 2020, PROVINCE, 0, money("180000.00"),
                        lines("P4", "180000.00"), true),
                new Document("D9", "县财农〔2020〕9号", day("2020-06-15"), "county-budget", 2020, county0, 0, money("70000.00"),
                        lines("P4", "40000.00", "P6", "30000.00"), false),
                new Document("D10", "黔财农〔2021〕5号", day("2021-03-01"), "central-budget", 2021, PROVINCE, 0, money("400000.00"),
                        lines("P8", "300000.00"), false),
                new Document("D11", "黔财农〔2021〕6号", day("2021-03-01"), "provincial-budget", 2021, PROVINCE, 0, money("100000.00"),
                        lines("P8", "100000.00"), false),
                new Document("D12", "社会捐赠〔2021〕1号", day("2021-04-01"), "social-donations", 2021, county1, 1, money("80000.00"),
                        lines("P9", "80000.00"), false),
                new Document("D13", "黔财搬迁〔2021〕3号", day("2021-05-01"), "relocation", 2021, PROVINCE, 1, money("1200000.00"),
                        lines("P10", "1000000.00"), false),
                new Document("D14", "国开行黔东南贷〔2022〕2号", day("2022-03-01"), "bank-loans", 2022, CITY_REGION, 1, money("700000.00"),
                        lines("P13", "700000.00"), false),
                new Document("D15", "黔财农〔2022〕4号", day("2022-03-15"), "central-budget", 2022, PROVINCE, 0, money("250000.00"),
                        lines("P11", "250000.00"), false));
    }

    /** A money movement after the documents, in the order the test sends them. */
    sealed interface Move permits Disbursement, Reimbursement, Reversal, Adjustment, Recall {
    }

    /** 拨付; {@code retried}: sent twice with the same Idempotency-Key (paid once). */
    record Disbursement(String project, String source, BigDecimal amount, String paymentOrder, LocalDate date,
                        boolean retried) implements Move {
    }

    /** 报账 with its voucher. */
    record Reimbursement(String project, String source, BigDecimal amount, String voucher, LocalDate date, String expenseKind)
            implements Move {
    }

    /** 红字冲销 of a voucher (its whole amount) on a day. */
    record Reversal(String voucher, LocalDate date, String reason) implements Move {
    }

    /** 资金调整 of allocated, undisbursed money between two projects of a county. */
    record Adjustment(String from, String to, String source, BigDecimal amount, String document, LocalDate date, String reason)
            implements Move {
    }

    /** 结余资金收回 of the whole balance (no amount given: the service takes allocated − reimbursed). */
    record Recall(String project, String source, String document, LocalDate date) implements Move {
    }

    static Disbursement pay(String p, String s, String amount, String order, String date) {
        return new Disbursement(p, s, money(amount), order, day(date), false);
    }

    static Reimbursement voucher(String p, String s, String amount, String voucher, String date, String kind) {
        return new Reimbursement(p, s, money(amount), voucher, day(date), kind);
    }

    /** The moves before the project-side changes (cancellation, budget cut); in date order per account. */
    static List<Move> moves() {
        List<Move> m = new ArrayList<>();
        // P0 2019 industry, accepted: fully paid and settled
        m.add(pay("P0", "central-budget", "200000.00", "拨〔2019〕001", "2019-04-01"));
        m.add(pay("P0", "provincial-budget", "120000.00", "拨〔2019〕002", "2019-04-01"));
        m.add(voucher("P0", "central-budget", "150000.00", "记-2019-0001", "2019-06-30", "种苗采购"));
        m.add(pay("P0", "central-budget", "100000.00", "拨〔2019〕003", "2019-09-01"));
        m.add(voucher("P0", "central-budget", "150000.00", "记-2019-0002", "2019-11-20", "设备购置"));
        m.add(voucher("P0", "provincial-budget", "120000.00", "记-2019-0003", "2019-12-10", "技术培训"));
        // P1 2019 village infrastructure on a bank loan, completed; its unspent balance recalled in 2021
        m.add(pay("P1", "bank-loans", "500000.00", "拨〔2019〕011", "2019-05-01"));
        m.add(pay("P1", "county-budget", "50000.00", "拨〔2019〕012", "2019-06-01"));
        m.add(voucher("P1", "bank-loans", "480000.00", "记-2019-1001", "2019-07-15", "工程款"));
        m.add(pay("P1", "bank-loans", "250000.00", "拨〔2019〕013", "2019-08-01"));
        m.add(voucher("P1", "county-budget", "44999.99", "记-2019-1002", "2019-09-30", "监理费"));
        m.add(voucher("P1", "bank-loans", "249999.50", "记-2019-1003", "2019-10-20", "工程款"));
        // P2 2019 education, under construction across the years
        m.add(pay("P2", "central-budget", "100000.00", "拨〔2019〕021", "2019-05-10"));
        m.add(voucher("P2", "central-budget", "60012.45", "记-2019-0010", "2019-08-01", "教学设备"));
        m.add(pay("P2", "central-budget", "50000.00", "拨〔2020〕021", "2020-03-01"));
        m.add(voucher("P2", "central-budget", "39987.55", "记-2020-0011", "2020-04-01", "教学设备"));
        m.add(voucher("P2", "central-budget", "30000.01", "记-2021-0012", "2021-02-01", "校舍维修"));
        // P3 2020 industry, completed; a voucher of November 2020 reversed in January 2021 and entered anew
        m.add(pay("P3", "central-budget", "200000.00", "拨〔2020〕031", "2020-04-01"));
        m.add(pay("P3", "east-west-cooperation", "90000.00", "拨〔2020〕032", "2020-04-15"));
        m.add(voucher("P3", "central-budget", "150000.00", "记-2020-1004", "2020-07-01", "种植基地"));
        m.add(pay("P3", "central-budget", "60000.00", "拨〔2020〕033", "2020-09-01"));
        m.add(voucher("P3", "east-west-cooperation", "90000.00", "记-2020-1005", "2020-10-15", "冷库建设"));
        m.add(voucher("P3", "central-budget", "50000.00", "记-2020-1006", "2020-11-10", "种植基地"));
        m.add(new Reversal("记-2020-1006", day("2021-01-20"), "凭证金额与合同不符，红字冲销"));
        m.add(voucher("P3", "central-budget", "48500.27", "记-2021-1007", "2021-01-25", "种植基地"));
        // P4 2020 living conditions (construction from March 2021)
        m.add(pay("P4", "provincial-budget", "100000.00", "拨〔2020〕041", "2020-07-01"));
        m.add(pay("P4", "county-budget", "40000.00", "拨〔2021〕042", "2021-04-01"));
        m.add(voucher("P4", "provincial-budget", "80000.00", "记-2021-0041", "2021-05-10", "材料费"));
        m.add(voucher("P4", "county-budget", "35000.00", "记-2021-0042", "2021-06-01", "人工费"));
        // P5 → P6: bank-loan money adjusted in October 2020; P5's first disbursement retried with the same key
        m.add(new Disbursement("P5", "bank-loans", money("300000.00"), "拨〔2020〕051", day("2020-06-01"), true));
        m.add(voucher("P5", "bank-loans", "250000.00", "记-2020-0051", "2020-09-01", "道路硬化"));
        m.add(new Adjustment("P5", "P6", "bank-loans", money("80000.00"), "县财调〔2020〕3号", day("2020-10-10"),
                "P5 结余调整至 P6 村级服务中心"));
        m.add(pay("P6", "bank-loans", "150000.00", "拨〔2020〕061", "2020-11-01"));
        m.add(pay("P6", "county-budget", "30000.00", "拨〔2021〕062", "2021-03-01"));
        m.add(voucher("P6", "bank-loans", "100000.00", "记-2021-0061", "2021-04-01", "场地平整"));
        // P7 2020 health: paid and partly settled before its cancellation on 2020-08-01
        m.add(pay("P7", "central-budget", "40000.00", "拨〔2020〕071", "2020-04-10"));
        m.add(voucher("P7", "central-budget", "25000.00", "记-2020-1071", "2020-06-20", "医疗设备"));
        // P8 2021 industry: later its central budget is cut below the 300000.00 allocated
        m.add(pay("P8", "central-budget", "150000.00", "拨〔2021〕081", "2021-04-15"));
        m.add(pay("P8", "provincial-budget", "100000.00", "拨〔2021〕082", "2021-05-01"));
        m.add(voucher("P8", "central-budget", "120000.00", "记-2021-0081", "2021-07-01", "厂房建设"));
        m.add(voucher("P8", "provincial-budget", "60000.00", "记-2021-0082", "2021-08-01", "设备购置"));
        // P9 2021 employment, completed
        m.add(pay("P9", "social-donations", "80000.00", "拨〔2021〕091", "2021-05-01"));
        m.add(voucher("P9", "social-donations", "78000.00", "记-2021-1091", "2021-09-01", "务工补贴"));
        // P10 2021 relocation
        m.add(pay("P10", "relocation", "600000.08", "拨〔2021〕101", "2021-06-01"));
        m.add(voucher("P10", "relocation", "399876.54", "记-2021-1101", "2021-11-01", "安置房建设"));
        // P13 2022 village infrastructure on a bank loan
        m.add(pay("P13", "bank-loans", "350000.00", "拨〔2022〕131", "2022-04-10"));
        m.add(voucher("P13", "bank-loans", "200000.01", "记-2022-1131", "2022-07-01", "桥梁建设"));
        // P1's balance recalled (completed project): 70000.50 = 50000.00 undisbursed + 20000.50 paid back
        m.add(new Recall("P1", "bank-loans", "县财收〔2021〕1号", day("2021-01-15")));
        return m;
    }

    // ------------------------------------------------------------------------------------------------ entries

    /** One ledger entry's effect: signed deltas of allocated, disbursed, reimbursed on its business date. */
    record Fact(String project, String source, LocalDate date, BigDecimal allocated, BigDecimal disbursed,
                BigDecimal reimbursed, String kind) {
    }

    /** Every entry the plan makes, in the order it makes them (the retried disbursement once). */
    static List<Fact> facts() {
        List<Fact> out = new ArrayList<>();
        BigDecimal zero = BigDecimal.ZERO;
        for (Document d : documents()) {
            d.lines().forEach((p, a) -> out.add(new Fact(p, d.source(), d.date(), a, zero, zero, "ALLOCATION")));
        }
        Map<String, Reimbursement> vouchers = new LinkedHashMap<>();
        for (Move m : moves()) {
            if (m instanceof Disbursement d) {
                out.add(new Fact(d.project(), d.source(), d.date(), zero, d.amount(), zero, "DISBURSEMENT"));
            } else if (m instanceof Reimbursement r) {
                vouchers.put(r.voucher(), r);
                out.add(new Fact(r.project(), r.source(), r.date(), zero, zero, r.amount(), "REIMBURSEMENT"));
            } else if (m instanceof Reversal r) {
                Reimbursement v = vouchers.get(r.voucher());
                out.add(new Fact(v.project(), v.source(), r.date(), zero, zero, v.amount().negate(), "REVERSAL"));
            } else if (m instanceof Adjustment a) {
                out.add(new Fact(a.from(), a.source(), a.date(), a.amount().negate(), zero, zero, "ADJUSTMENT_OUT"));
                out.add(new Fact(a.to(), a.source(), a.date(), a.amount(), zero, zero, "ADJUSTMENT_IN"));
            } else if (m instanceof Recall r) {
                BigDecimal[] acc = account(out, r.project(), r.source(), null);
                BigDecimal balance = acc[0].subtract(acc[2]);
                BigDecimal undisbursed = acc[0].subtract(acc[1]);
                BigDecimal fromUndisbursed = undisbursed.min(balance);
                BigDecimal returned = balance.subtract(fromUndisbursed); // paid out and paid back (缴回)
                out.add(new Fact(r.project(), r.source(), r.date(), balance.negate(), returned.negate(), zero, "RECALL"));
            }
        }
        return out;
    }

    /** allocated, disbursed, reimbursed of one project × source as of the day (null: now). */
    static BigDecimal[] account(List<Fact> facts, String project, String source, LocalDate day) {
        BigDecimal[] a = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Fact f : facts) {
            if (f.project().equals(project) && f.source().equals(source) && (day == null || !f.date().isAfter(day))) {
                a[0] = a[0].add(f.allocated());
                a[1] = a[1].add(f.disbursed());
                a[2] = a[2].add(f.reimbursed());
            }
        }
        return a;
    }

    // ------------------------------------------------------------------------------------------------ the report

    /** numerator, denominator (compared as numbers), percent half-up to two decimals or null, defined. */
    static Map<String, Object> rate(BigDecimal numerator, BigDecimal denominator) {
        return ProjectLibraryPlan.rate(numerator, denominator);
    }

    /** An amount as expected in the JSON (compared as a number, to the cent). */
    static BigDecimal amount(BigDecimal a) {
        return a.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** One project × source (source null: the project itself) as the report counts it. */
    private record Cell(Project project, String source, BigDecimal budget, BigDecimal allocated, BigDecimal disbursed,
                        BigDecimal reimbursed) {
    }

    /** The fund figures of one group, in the report's JSON shape (amounts as strings, rates as maps). */
    static Map<String, Object> figures(List<Cell> cells, LocalDate day) {
        Set<String> projects = new TreeSet<>();
        Set<String> implemented = new TreeSet<>();
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal implementedAmount = BigDecimal.ZERO;
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        BigDecimal reimbursed = BigDecimal.ZERO;
        for (Cell c : cells) {
            if (c.project().live(day)) {
                projects.add(c.project().key());
                budget = budget.add(c.budget());
                if (c.project().implemented(day)) {
                    implemented.add(c.project().key());
                    implementedAmount = implementedAmount.add(c.budget());
                }
            }
            allocated = allocated.add(c.allocated());
            disbursed = disbursed.add(c.disbursed());
            reimbursed = reimbursed.add(c.reimbursed());
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("projects", (long) projects.size());
        f.put("budget", amount(budget));
        f.put("implementedProjects", (long) implemented.size());
        f.put("implementedAmount", amount(implementedAmount));
        f.put("allocated", amount(allocated));
        f.put("disbursed", amount(disbursed));
        f.put("reimbursed", amount(reimbursed));
        f.put("balance", amount(allocated.subtract(reimbursed)));
        f.put("disbursementRate", rate(disbursed, allocated));
        f.put("utilisationRate", rate(reimbursed, allocated));
        f.put("reimbursementRate", rate(reimbursed, implementedAmount));
        f.put("budgetReimbursementRate", rate(reimbursed, budget));
        return f;
    }

    /** Rows (group key → figures) and the total. */
    record Expected(Map<String, Map<String, Object>> rows, Map<String, Object> total) {
    }

    /**
     * The report's figures as of the day (null: now) for the projects the filter keeps (and only money of
     * {@code source} when given), grouped by the key ({@code "source"} groups by fund source; null: total only).
     * A project counts once per group it has a budget or money in; known projects only (entered on or before the day);
     * a cancelled project's money counts, its budget and the project itself do not.
     */
    static Expected expected(List<Project> projects, List<Fact> facts, LocalDate day, Predicate<Project> filter, String source,
                             Function<Project, String> key) {
        List<Cell> cells = new ArrayList<>();
        for (Project p : projects) {
            if (!p.known(day) || !filter.test(p)) {
                continue;
            }
            Set<String> sources = new LinkedHashSet<>(p.budget(day).keySet());
            for (Fact f : facts) {
                if (f.project().equals(p.key()) && (day == null || !f.date().isAfter(day))) {
                    sources.add(f.source());
                }
            }
            if (source == null) {
                cells.add(new Cell(p, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
            }
            for (String s : sources) {
                if (source != null && !source.equals(s)) {
                    continue;
                }
                BigDecimal[] a = account(facts, p.key(), s, day);
                cells.add(new Cell(p, s, p.budget(day).getOrDefault(s, BigDecimal.ZERO), a[0], a[1], a[2]));
            }
        }
        Map<String, List<Cell>> groups = new TreeMap<>();
        if (key != null) {
            for (Cell c : cells) {
                if (key == BY_SOURCE) {
                    if (c.source() != null) {
                        groups.computeIfAbsent(c.source(), g -> new ArrayList<>()).add(c);
                    }
                } else {
                    groups.computeIfAbsent(key.apply(c.project()), g -> new ArrayList<>()).add(c);
                }
            }
        }
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        groups.forEach((g, cs) -> rows.put(g, figures(cs, day)));
        return new Expected(rows, figures(cells, day));
    }

    /** Marker key: group by fund source. */
    static final Function<Project, String> BY_SOURCE = p -> {
        throw new IllegalStateException("grouped per cell");
    };
    static final Function<Project, String> BY_YEAR = p -> Integer.toString(p.year());
    static final Function<Project, String> BY_CATEGORY = Project::category;
    static final Function<Project, String> BY_COUNTY = p -> p.countyCode().substring(0, 6);

    // ------------------------------------------------------------------------------------------------ a project's view

    /**
     * A project's fund view as of the day (null: now; the budget is always the current one), per source with budget or
     * money: budget, allocated, disbursed,
     * reimbursed, balance (allocated − reimbursed), undisbursed, unreimbursed, overrun (allocated above budget); the
     * total; whether it is in overrun.
     */
    static Map<String, Object> projectView(Project p, List<Fact> facts, LocalDate day) {
        // the budget is the current one even as of a past day: fund-service's replica keeps no budget history
        Map<String, BigDecimal> budget = p.budget(null);
        Set<String> sources = new TreeSet<>(budget.keySet());
        facts.stream().filter(f -> f.project().equals(p.key())).forEach(f -> sources.add(f.source()));
        Map<String, Object> bySource = new LinkedHashMap<>();
        BigDecimal[] total = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        boolean overrun = false;
        for (String s : sources) {
            BigDecimal b = budget.getOrDefault(s, BigDecimal.ZERO);
            BigDecimal[] a = account(facts, p.key(), s, day);
            BigDecimal over = a[0].subtract(b).max(BigDecimal.ZERO);
            overrun |= over.signum() > 0;
            bySource.put(s, viewFigures(b, a[0], a[1], a[2], over));
            total[0] = total[0].add(b);
            total[1] = total[1].add(a[0]);
            total[2] = total[2].add(a[1]);
            total[3] = total[3].add(a[2]);
            total[4] = total[4].add(over);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("inOverrun", overrun);
        v.put("sources", bySource);
        v.put("total", viewFigures(total[0], total[1], total[2], total[3], total[4]));
        return v;
    }

    private static Map<String, Object> viewFigures(BigDecimal budget, BigDecimal allocated, BigDecimal disbursed,
                                                   BigDecimal reimbursed, BigDecimal overrun) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("budget", amount(budget));
        f.put("allocated", amount(allocated));
        f.put("disbursed", amount(disbursed));
        f.put("reimbursed", amount(reimbursed));
        f.put("balance", amount(allocated.subtract(reimbursed)));
        f.put("undisbursed", amount(allocated.subtract(disbursed)));
        f.put("unreimbursed", amount(disbursed.subtract(reimbursed)));
        f.put("overrun", amount(overrun));
        f.put("disbursementRate", rate(disbursed, allocated));
        f.put("utilisationRate", rate(reimbursed, allocated));
        return f;
    }

    private FundLedgerPlan() {
    }
}
