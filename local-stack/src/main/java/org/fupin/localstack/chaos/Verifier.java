package org.fupin.localstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * After the run: waits for quiet, then compares:
 * <ol>
 *   <li>The workload's model with household-service's database: every acknowledged command's effect must be there
 *   (else lost); a household nobody created is double-counted.</li>
 *   <li>household-service's database with reporting-service's facts, household by household: a missing or stale fact
 *   is an event missing from the report (lost); a return counted more often than it happened, or a fact of a
 *   household that is not in the registry, is double-counted.</li>
 *   <li>Every figure of {@code GET /api/v1/reports/households} for the province, each county, all years and each year
 *   used, with the same figure recomputed from household-service's database (mismatched figures).</li>
 *   <li>reporting-service's roll-ups with their recomputation from its facts, every prefix, nationally
 *   ({@code GET /api/v1/admin/rollups/check}): each counter that differs is a mismatched figure.</li>
 *   <li>Projects ({@link #checkProjects}): the workload's acknowledged projects with project-service, and project-service's
 *   projects per stage with {@code GET /api/v1/reports/projects?groupBy=stage} for the province and each county.</li>
 *   <li>Rectification ({@link #checkRectification}): the workload's model of every issue it worked with
 *   rectification-service's database (state, returns, version), and rectification-service's issues with
 *   {@code GET /api/v1/reports/rectification?groupBy=unit} for the province and each county, figure by figure.</li>
 *   <li>Funds ({@link #checkFunds}): the workload's model of the money per project × source with fund-service (ledger
 *   entries and figures), and fund-service's sums with {@code GET /api/v1/reports/funds?groupBy=source} for the province
 *   and each county.</li>
 * </ol>
 * The recomputation follows reporting-service's counting rules (README "Figures"): registered = REGISTERED or EXITED
 * (by identification year), exited = EXITED (by exit year), returned = returned at least once (by the year of the
 * latest return, which the workload sends as the return's date), removed = REMOVED (by the removal's date, China time),
 * remaining = REGISTERED, monitored = monitored and not REMOVED; persons are current member counts.
 */
final class Verifier {

    static final String TOPIC = "fupin.household.v1";
    static final String PROJECT_TOPIC = "fupin.project.v1";
    static final String FUND_TOPIC = "fupin.fund.v1";
    static final String GROUP = "reporting-service";
    static final String FUND_GROUP = "fund-service";
    static final String RECTIFICATION_TOPIC = "fupin.rectification.v1";
    static final String RECTIFICATION_GROUP = "rectification-service";
    /** The counts of the rectification report compared, as named in its JSON. */
    static final String[] RECTIFICATION_FIGURES = {"raised", "open", "inProgress", "reported", "closed", "returned",
            "returnedAtLeastOnce", "overdue", "longTermOpen", "closedOnTime"};

    private final ChaosStack stack;
    private final Workload workload;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    final List<String> details = new ArrayList<>();

    long published;
    long deadLettered;
    Long parked;
    long lost;
    long doubleCounted;
    long mismatched;
    long figuresCompared;
    long importRowsRejected;
    boolean quiet;
    long fundPublished;
    long fundLost;
    long fundDoubleCounted;
    long fundFiguresCompared;
    long fundProjectsChecked;
    long rectificationIssuesChecked;
    long rectificationIssues;
    long rectificationLost;
    long rectificationDoubleCounted;
    long rectificationFiguresCompared;

    Verifier(ChaosStack stack, Workload workload) {
        this.stack = stack;
        this.workload = workload;
    }

    private void detail(String text) {
        if (details.size() < 60) {
            details.add(text);
        }
    }

    /** Waits until import jobs are done, the outbox is empty and the reporting consumer has no lag, three checks in a row. */
    boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int calm = 0;
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                long jobs = count(ChaosStack.HOUSEHOLD_DB, "select count(*) from import_job where finished_at is null");
                long backlog = count(ChaosStack.HOUSEHOLD_DB, "select count(*) from outbox_event where published_at is null"
                        + (hasColumn("outbox_event", "parked_at") ? " and parked_at is null" : ""));
                long lag = consumerLag(TOPIC);
                long projectBacklog = count(ChaosStack.PROJECT_DB, "select count(*) from outbox_event where published_at is null"
                        + (hasColumn("outbox_event", "parked_at") ? " and parked_at is null" : ""));
                long projectLag = consumerLag(PROJECT_TOPIC);
                long fundBacklog = outboxBacklog(ChaosStack.FUND_DB);
                long fundLag = consumerLag(FUND_TOPIC);
                long replicaLag = consumerLag(FUND_GROUP, PROJECT_TOPIC);
                long rectBacklog = outboxBacklog(ChaosStack.RECTIFICATION_DB);
                long rectLag = consumerLag(RECTIFICATION_TOPIC);
                long rectReplicaLag = consumerLag(RECTIFICATION_GROUP, TOPIC) + consumerLag(RECTIFICATION_GROUP, PROJECT_TOPIC)
                        + consumerLag(RECTIFICATION_GROUP, FUND_TOPIC);
                last = "import jobs running " + jobs + ", outbox backlog " + backlog + ", consumer lag " + lag
                        + ", project outbox backlog " + projectBacklog + ", project consumer lag " + projectLag
                        + ", fund outbox backlog " + fundBacklog + ", fund consumer lag " + fundLag + ", fund-service project lag " + replicaLag
                        + ", rectification outbox backlog " + rectBacklog + ", rectification consumer lag " + rectLag
                        + ", rectification-service replica lag " + rectReplicaLag;
                calm = jobs == 0 && backlog == 0 && lag == 0 && projectBacklog == 0 && projectLag == 0 && fundBacklog == 0 && fundLag == 0
                        && replicaLag == 0 && rectBacklog == 0 && rectLag == 0 && rectReplicaLag == 0 ? calm + 1 : 0;
                if (calm >= 3) {
                    quiet = true;
                    ChaosRun.say("quiet: " + last);
                    return true;
                }
            } catch (Exception e) {
                calm = 0;
                last = e.toString();
            }
            TimeUnit.SECONDS.sleep(1);
        }
        ChaosRun.say("NOT quiet after " + timeout.toSeconds() + " s: " + last);
        detail("not quiet: " + last);
        return false;
    }

    /** Unpublished, unparked outbox rows of a service's database (0 while the service has no outbox table yet). */
    private long outboxBacklog(String database) throws SQLException {
        try (Connection c = stack.connect(database)) {
            if (count(c, "select count(*) from information_schema.tables where table_name = 'outbox_event'") == 0) {
                return 0;
            }
            return count(c, "select count(*) from outbox_event where published_at is null"
                    + (hasColumn(c, "outbox_event", "parked_at") ? " and parked_at is null" : ""));
        }
    }

    /** The reporting consumer's lag on a topic (a topic nobody published to yet has none). */
    long consumerLag(String topic) throws Exception {
        return consumerLag(GROUP, topic);
    }

    /** A consumer group's lag on a topic (a topic nobody published to yet has none). */
    long consumerLag(String group, String topic) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            if (!admin.listTopics().names().get(20, TimeUnit.SECONDS).contains(topic)) {
                return 0;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(20, TimeUnit.SECONDS);
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS).get(topic).partitions();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            partitions.forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            long lag = 0;
            for (var e : admin.listOffsets(request).all().get(20, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    long deadLetters() throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            var topics = admin.listTopics().names().get(20, TimeUnit.SECONDS).stream().filter(t -> t.endsWith(".dlq")).toList();
            if (topics.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS).forEach((name, d) -> d.partitions().forEach(p -> {
                latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
            }));
            long n = 0;
            for (var e : admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS).values()) {
                n += e.offset();
            }
            for (var e : admin.listOffsets(earliest).all().get(20, TimeUnit.SECONDS).values()) {
                n -= e.offset();
            }
            return n;
        }
    }

    /** One household as household-service's database has it, with what its history says about returns and removal. */
    record Source(String id, String code, String region, int members, String state, Integer identificationYear, Integer exitYear,
                  boolean monitored, int returns, Integer lastReturnYear, Integer removedYear) {
        boolean registeredOnce() {
            return identificationYear != null;
        }
    }

    record Fact(String id, String region, int members, String status, Integer identificationYear, Integer exitYear, Integer removedYear,
                boolean monitored, Integer lastReturnYear, int returns) {
    }

    void verify() throws Exception {
        Map<String, Source> byCode = new LinkedHashMap<>();
        Map<String, Source> byId = new HashMap<>();
        try (Connection c = stack.connect(ChaosStack.HOUSEHOLD_DB);
             ResultSet rs = c.createStatement().executeQuery("""
                     select h.id::text, h.household_code, h.region_code, h.member_count, h.state, h.identification_year, h.exit_year,
                            h.monitored, r.returns, r.last_return_year, rm.removed_year
                     from household h
                     left join lateral (select count(*) as returns, max(extract(year from x.step_date))::int as last_return_year
                                        from household_history x
                                        where x.household_id = h.id and x.from_state = 'EXITED' and x.to_state = 'REGISTERED') r on true
                     left join lateral (select max(extract(year from x.step_date))::int as removed_year
                                        from household_history x
                                        where x.household_id = h.id and x.to_state = 'REMOVED'
                                          and x.from_state is distinct from 'REMOVED') rm on true""")) {
            while (rs.next()) {
                Source s = new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7), rs.getBoolean(8), rs.getInt(9), (Integer) rs.getObject(10),
                        (Integer) rs.getObject(11));
                byCode.put(s.code(), s);
                byId.put(s.id(), s);
            }
            published = count(c, "select count(*) from outbox_event where published_at is not null");
            parked = hasColumn(c, "outbox_event", "parked_at") ? count(c, "select count(*) from outbox_event where parked_at is not null") : null;
            importRowsRejected = count(c, "select count(*) from import_job_row where status = 'REJECTED'");
        }
        deadLettered = deadLetters();
        checkSourceAgainstModel(byCode);
        checkReportAgainstSource(byId);
        checkFigures(byId.values());
        checkRollups();
        checkProjects();
        checkFunds();
        checkRectification();
    }

    /** One issue as rectification-service's database has it. */
    record IssueRow(String id, String description, String region, String leadUnit, String state, int returns, String term,
                    java.time.LocalDate raisedOn, java.time.LocalDate deadline, java.time.LocalDate closedOn, long version) {
    }

    private List<IssueRow> issueRows() throws SQLException {
        List<IssueRow> rows = new ArrayList<>();
        try (Connection c = stack.connect(ChaosStack.RECTIFICATION_DB);
             ResultSet rs = c.createStatement().executeQuery("select id::text, description, region_code, lead_unit, state,"
                     + " return_count, term, raised_on, deadline, closed_on, version from rectification_issue order by id")) {
            while (rs.next()) {
                rows.add(new IssueRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getObject(8, java.time.LocalDate.class),
                        rs.getObject(9, java.time.LocalDate.class), rs.getObject(10, java.time.LocalDate.class), rs.getLong(11)));
            }
        }
        return rows;
    }

    /** The report's counts of an issue on {@code day} (its state now: every step of the run is dated today). */
    static long[] rectificationFigures(IssueRow r, java.time.LocalDate day) {
        boolean closed = "CLOSED".equals(r.state());
        return new long[]{1, "OPEN".equals(r.state()) ? 1 : 0, "IN_PROGRESS".equals(r.state()) ? 1 : 0,
                "REPORTED".equals(r.state()) ? 1 : 0, closed ? 1 : 0, "RETURNED".equals(r.state()) ? 1 : 0,
                r.returns() > 0 ? 1 : 0, !closed && day.isAfter(r.deadline()) ? 1 : 0,
                !closed && "LONG_TERM".equals(r.term()) ? 1 : 0,
                closed && r.closedOn() != null && !r.closedOn().isAfter(r.deadline()) ? 1 : 0};
    }

    /**
     * Rectification: the workload's acknowledged steps against rectification-service's database (an issue missing, in
     * another state, with fewer returns or an older version is lost; more returns, or an issue of this run no command
     * raised, double-counted), then rectification-service's issues (the workload's and the system check's) against
     * reporting-service's rectification report for the province and each county, in total and per lead unit: a count
     * in the report below rectification-service's is lost, above it double-counted. An illegal step that was accepted
     * is a mismatch. The database is read before and after the reports; a change between (a system-check finding
     * raised meanwhile) repeats the comparison.
     */
    void checkRectification() throws Exception {
        long lostBefore = lost;
        long doubleBefore = doubleCounted;
        String prefix = RectificationCommands.prefix(workload.seed());
        List<RectificationCommands.Issue> model;
        synchronized (workload.rectificationIssues) {
            model = List.copyOf(workload.rectificationIssues);
        }
        List<IssueRow> rows = issueRows();
        Map<String, IssueRow> byCode = new HashMap<>();
        for (IssueRow r : rows) {
            if (r.description().startsWith(prefix)) {
                byCode.put(r.description().split(" ", 2)[0], r);
            }
        }
        Set<String> known = new HashSet<>();
        for (RectificationCommands.Issue m : model) {
            known.add(m.code);
            if (m.unconfirmed || m.id == null) {
                continue;
            }
            rectificationIssuesChecked++;
            IssueRow r = byCode.get(m.code);
            String problem = r == null ? "missing"
                    : !m.state.equals(r.state()) ? "state " + r.state() + ", acknowledged " + m.state
                    : r.returns() < m.returns ? r.returns() + " returns, acknowledged " + m.returns
                    : r.version() < m.version ? "version " + r.version() + ", acknowledged " + m.version : null;
            if (problem != null) {
                lost++;
                rectificationLost++;
                detail("LOST (rectification DB) " + m.code + ": " + problem);
            } else if (r.returns() > m.returns || r.version() > m.version) {
                doubleCounted++;
                rectificationDoubleCounted++;
                detail("DOUBLE (rectification DB) " + m.code + ": " + r.returns() + " returns, version " + r.version()
                        + "; acknowledged " + m.returns + ", " + m.version);
            }
        }
        for (String code : byCode.keySet()) {
            if (!known.contains(code)) {
                doubleCounted++;
                rectificationDoubleCounted++;
                detail("DOUBLE (rectification DB) " + code + ": an issue no command raised");
            }
        }
        long illegal = workload.rectificationIllegalAccepted.get();
        figuresCompared++;
        if (illegal > 0) {
            mismatched += illegal;
            detail("MISMATCH rectification: " + illegal + " illegal steps were accepted");
        }

        List<String> regions = new ArrayList<>();
        regions.add("52");
        regions.addAll(Workload.COUNTIES);
        java.time.LocalDate today = java.time.LocalDate.now(Workload.CHINA);
        for (int attempt = 1; ; attempt++) {
            List<String> found = new ArrayList<>();
            long compared = 0;
            for (String region : regions) {
                Map<String, long[]> truth = new TreeMap<>();
                truth.put("", new long[RECTIFICATION_FIGURES.length]);
                for (IssueRow r : rows) {
                    if (!r.region().startsWith(region)) {
                        continue;
                    }
                    long[] f = rectificationFigures(r, today);
                    for (String group : new String[]{"", r.leadUnit()}) {
                        long[] t = truth.computeIfAbsent(group, g -> new long[RECTIFICATION_FIGURES.length]);
                        for (int i = 0; i < f.length; i++) {
                            t[i] += f[i];
                        }
                    }
                }
                JsonNode report = get(stack.reporting().url() + "/api/v1/reports/rectification?region=" + region
                        + "&groupBy=unit&asOf=" + today);
                Map<String, JsonNode> reported = new TreeMap<>();
                JsonNode total = report.path("total");
                reported.put("", total.has("figures") ? total.path("figures") : total);
                for (JsonNode row : report.path("rows")) {
                    reported.put(row.path("group").asText(), row.has("figures") ? row.path("figures") : row);
                }
                Set<String> groups = new TreeSet<>(truth.keySet());
                groups.addAll(reported.keySet());
                for (String group : groups) {
                    long[] want = truth.getOrDefault(group, new long[RECTIFICATION_FIGURES.length]);
                    JsonNode have = reported.get(group);
                    for (int i = 0; i < RECTIFICATION_FIGURES.length; i++) {
                        long h = have == null ? 0 : have.path(RECTIFICATION_FIGURES[i]).asLong(-1);
                        compared++;
                        if (h == want[i]) {
                            continue;
                        }
                        String text = region + " " + (group.isEmpty() ? "total" : group) + " " + RECTIFICATION_FIGURES[i]
                                + ": report " + h + ", rectification-service " + want[i];
                        found.add((h < want[i] ? "LOST" : "DOUBLE") + " (rectification report) " + text);
                    }
                }
            }
            List<IssueRow> after = issueRows();
            if (!after.equals(rows) && attempt < 4) {
                rows = after; // a system-check finding moved on while the reports were read: compare again
                TimeUnit.SECONDS.sleep(2);
                continue;
            }
            rectificationFiguresCompared += compared;
            figuresCompared += compared;
            for (String f : found) {
                if (f.startsWith("LOST")) {
                    lost++;
                    rectificationLost++;
                } else {
                    doubleCounted++;
                    rectificationDoubleCounted++;
                }
                detail(f);
            }
            break;
        }
        rectificationIssues = rows.size();
        Map<String, Long> states = new TreeMap<>();
        rows.forEach(r -> states.merge(r.state(), 1L, Long::sum));
        ChaosRun.say("rectification: " + workload.rectificationAcknowledged.get() + " commands acknowledged ("
                + workload.rectificationRefused.get() + " refused, " + workload.rectificationUnconfirmed.get() + " unconfirmed), "
                + workload.rectificationIllegalRefused.get() + " illegal steps refused (409), " + illegal + " accepted; "
                + rows.size() + " issues in rectification-service " + states + ", " + rectificationIssuesChecked
                + " checked against the model; lost " + (lost - lostBefore) + ", double-counted " + (doubleCounted - doubleBefore)
                + " of " + rectificationFiguresCompared + " rectification figures");
    }

    /**
     * Projects: the workload's model against project-service (an acknowledged project absent there, or in an earlier
     * stage than acknowledged, is lost; a project no command entered is double-counted), then project-service against
     * reporting-service's project report, stage by stage, for the province and each county (a count in the report above
     * project-service's is double-counted, below it lost; the total projects figure is compared as a figure).
     */
    void checkProjects() throws Exception {
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode p = get(stack.project().url() + "/api/v1/projects?region=52&size=500&sort=projectCode&page=" + page);
            for (JsonNode item : p.path("items")) {
                byCode.put(item.path("projectCode").asText(), item);
            }
            if (p.path("items").size() < 500 || (long) (page + 1) * 500 >= p.path("total").asLong()) {
                break;
            }
        }
        Set<String> known = new HashSet<>();
        List<Workload.Project> model;
        synchronized (workload.projects) {
            model = List.copyOf(workload.projects);
        }
        long checked = 0;
        for (Workload.Project m : model) {
            known.add(m.code);
            if (m.unconfirmed || m.stage == null) {
                continue;
            }
            checked++;
            JsonNode s = byCode.get(m.code);
            String problem = null;
            if (s == null) {
                problem = "missing";
            } else {
                String stage = s.path("stage").asText();
                int have = Workload.PROJECT_STAGES.indexOf(stage);
                int want = Workload.PROJECT_STAGES.indexOf(m.stage);
                if (have < want || ("CANCELLED".equals(m.stage) != "CANCELLED".equals(stage))) {
                    problem = "stage " + stage + ", acknowledged " + m.stage;
                }
            }
            if (problem != null) {
                lost++;
                detail("LOST (project DB) " + m.code + ": " + problem);
            }
        }
        for (String code : byCode.keySet()) {
            if (!known.contains(code)) {
                doubleCounted++;
                detail("DOUBLE (project DB) " + code + ": a project no command entered");
            }
        }
        List<String> regions = new ArrayList<>();
        regions.add("52");
        regions.addAll(Workload.COUNTIES);
        for (String region : regions) {
            Map<String, Long> truth = new TreeMap<>();
            long total = 0;
            for (JsonNode p : byCode.values()) {
                if (p.path("regionCode").asText().startsWith(region)) {
                    truth.merge(p.path("stage").asText(), 1L, Long::sum);
                    total++;
                }
            }
            JsonNode report = get(stack.reporting().url() + "/api/v1/reports/projects?region=" + region + "&groupBy=stage").path("total");
            for (String stage : Workload.PROJECT_STAGES) {
                long got = report.path("byStage").path(stage).asLong(0);
                long want = truth.getOrDefault(stage, 0L);
                figuresCompared++;
                if (got > want) {
                    doubleCounted += got - want;
                    detail("DOUBLE (project report) " + region + " " + stage + ": report " + got + ", project-service " + want);
                } else if (got < want) {
                    lost += want - got;
                    detail("LOST (project report) " + region + " " + stage + ": report " + got + ", project-service " + want);
                }
            }
            figuresCompared++;
            if (report.path("projects").asLong(-1) != total) {
                mismatched++;
                detail("MISMATCH " + region + " projects: report " + report.path("projects").asLong(-1) + ", project-service " + total);
            }
        }
        Map<String, Long> stages = new TreeMap<>();
        byCode.values().forEach(p -> stages.merge(p.path("stage").asText(), 1L, Long::sum));
        ChaosRun.say("projects: " + byCode.size() + " in project-service " + stages + ", " + checked + " acknowledged by the workload checked");
    }

    /** One project × source as fund-service or the report has it, in cents. */
    record Money(long allocated, long disbursed, long reimbursed) {
        static final Money ZERO = new Money(0, 0, 0);

        Money plus(Money o) {
            return new Money(allocated + o.allocated, disbursed + o.disbursed, reimbursed + o.reimbursed);
        }

        long get(int i) {
            return i == 0 ? allocated : i == 1 ? disbursed : reimbursed;
        }

        static Money of(JsonNode figures) {
            return new Money(FundModel.cents(figures.path("allocated").asText(null)), FundModel.cents(figures.path("disbursed").asText(null)),
                    FundModel.cents(figures.path("reimbursed").asText(null)));
        }

        static Money of(FundModel.Account a) {
            return a == null ? ZERO : new Money(a.allocated, a.disbursed, a.reimbursed);
        }

        @Override
        public String toString() {
            return "allocated " + FundModel.yuan(allocated) + ", disbursed " + FundModel.yuan(disbursed) + ", reimbursed " + FundModel.yuan(reimbursed);
        }
    }

    static final String[] MONEY = {"allocated", "disbursed", "reimbursed"};

    /**
     * Funds: (1) the workload's model against fund-service ({@code GET /api/v1/fund-projects/{id}} of every project the
     * workload entered): a ledger entry of an acknowledged command missing there is lost, an entry no acknowledged command
     * made is double-counted (a retried payment paid twice shows up here); when the entries agree, each figure
     * (allocated, disbursed, reimbursed per source) below the model is lost and above it double-counted. Projects with an
     * unanswered fund command are left out of this step. (2) fund-service against reporting-service's fund report
     * ({@code GET /api/v1/reports/funds?groupBy=source}, province and each county; the total and each source): a figure
     * of the report below fund-service's sum is lost, above it double-counted.
     */
    void checkFunds() throws Exception {
        // the stored balances (fund_account, what the row locks guard) — compared with the ledger view below
        Map<String, Money> stored = new HashMap<>();
        try (Connection c = stack.connect(ChaosStack.FUND_DB)) {
            if (count(c, "select count(*) from information_schema.tables where table_name = 'outbox_event'") > 0) {
                fundPublished = count(c, "select count(*) from outbox_event where published_at is not null");
            }
            if (count(c, "select count(*) from information_schema.tables where table_name = 'fund_account'") > 0) {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select project_id::text, fund_source, allocated::text, disbursed::text, reimbursed::text from fund_account")) {
                    while (rs.next()) {
                        stored.put(rs.getString(1) + "/" + rs.getString(2), new Money(FundModel.cents(rs.getString(3)),
                                FundModel.cents(rs.getString(4)), FundModel.cents(rs.getString(5))));
                    }
                }
            }
        }
        List<Workload.Project> model;
        synchronized (workload.projects) {
            model = List.copyOf(workload.projects);
        }
        // fund-service's figures, by region prefix and source ("" = all sources)
        Map<String, Map<String, Money>> truth = new TreeMap<>();
        List<String> regions = new ArrayList<>();
        regions.add("52");
        regions.addAll(Workload.COUNTIES);
        regions.forEach(r -> truth.put(r, new TreeMap<>()));
        long entriesSeen = 0;
        long modelEntries = 0;
        long lostBefore = lost;
        long doubleBefore = doubleCounted;
        for (Workload.Project p : model) {
            if (p.id == null) {
                continue;
            }
            JsonNode view = getOrNull(stack.fund().url() + "/api/v1/fund-projects/" + p.id);
            Map<String, Money> service = new TreeMap<>();
            Map<String, JsonNode> entries = new LinkedHashMap<>();
            if (view != null) {
                for (JsonNode s : view.path("sources")) {
                    service.put(s.path("source").asText(), Money.of(s));
                }
                for (JsonNode e : view.path("entries")) {
                    entries.put(e.path("id").asText(), e);
                }
            }
            entriesSeen += entries.size();
            for (String source : FundModel.SOURCES) {
                Money ledger = service.getOrDefault(source, Money.ZERO);
                Money account = stored.getOrDefault(p.id + "/" + source, Money.ZERO);
                fundFiguresCompared++;
                figuresCompared++;
                if (!ledger.equals(account)) {
                    mismatched++;
                    detail("MISMATCH (fund-service) " + p.code + " " + source + ": fund_account " + account + ", its entries " + ledger);
                }
            }
            for (String region : regions) {
                if (p.village.startsWith(region)) {
                    Map<String, Money> t = truth.get(region);
                    service.forEach((source, m) -> {
                        t.merge(source, m, Money::plus);
                        t.merge("", m, Money::plus);
                    });
                }
            }
            if (p.unconfirmed || p.fundUnconfirmed) {
                continue;
            }
            fundProjectsChecked++;
            modelEntries += p.fundEntries.size();
            boolean entriesAgree = true;
            for (String id : p.fundEntries) {
                if (!entries.containsKey(id)) {
                    entriesAgree = false;
                    fundLost++;
                    lost++;
                    detail("LOST (fund-service) " + p.code + ": entry " + id + " of an acknowledged command is not in its ledger");
                }
            }
            for (Map.Entry<String, JsonNode> e : entries.entrySet()) {
                if (!p.fundEntries.contains(e.getKey())) {
                    entriesAgree = false;
                    fundDoubleCounted++;
                    doubleCounted++;
                    JsonNode x = e.getValue();
                    detail("DOUBLE (fund-service) " + p.code + ": entry " + e.getKey() + " (" + x.path("kind").asText() + " "
                            + x.path("source").asText() + " " + x.path("amount").asText() + " no. " + x.path("number").asText()
                            + ") that no acknowledged command made");
                }
            }
            for (String source : FundModel.SOURCES) {
                Money want = Money.of(p.funds.get(source));
                Money have = service.getOrDefault(source, Money.ZERO);
                for (int i = 0; i < MONEY.length; i++) {
                    fundFiguresCompared++;
                    figuresCompared++;
                    if (have.get(i) == want.get(i)) {
                        continue;
                    }
                    String text = p.code + " " + source + " " + MONEY[i] + ": fund-service " + FundModel.yuan(have.get(i)) + ", model "
                            + FundModel.yuan(want.get(i));
                    if (!entriesAgree) {
                        detail("(fund-service) " + text + " (see the entries above)");
                    } else if (have.get(i) < want.get(i)) {
                        fundLost++;
                        lost++;
                        detail("LOST (fund-service) " + text);
                    } else {
                        fundDoubleCounted++;
                        doubleCounted++;
                        detail("DOUBLE (fund-service) " + text);
                    }
                }
            }
        }
        for (String region : regions) {
            JsonNode report = get(stack.reporting().url() + "/api/v1/reports/funds?region=" + region + "&groupBy=source");
            Map<String, Money> reported = new TreeMap<>();
            JsonNode total = report.path("total");
            reported.put("", Money.of(total.has("figures") ? total.path("figures") : total));
            for (JsonNode row : report.path("rows")) {
                reported.put(row.path("group").asText(), Money.of(row.has("figures") ? row.path("figures") : row));
            }
            Map<String, Money> t = truth.get(region);
            java.util.Set<String> groups = new TreeSet<>(t.keySet());
            groups.addAll(reported.keySet()); // a source only the report has money of is double-counted there
            groups.add("");
            for (String group : groups) {
                Money want = t.getOrDefault(group, Money.ZERO);
                Money have = reported.get(group);
                for (int i = 0; i < MONEY.length; i++) {
                    fundFiguresCompared++;
                    figuresCompared++;
                    long h = have == null ? (want.get(i) == 0 ? 0 : -1) : have.get(i);
                    if (h == want.get(i)) {
                        continue;
                    }
                    String text = region + " " + (group.isEmpty() ? "total" : group) + " " + MONEY[i] + ": report "
                            + (h < 0 ? "absent" : FundModel.yuan(h)) + ", fund-service " + FundModel.yuan(want.get(i));
                    if (h < want.get(i)) {
                        fundLost++;
                        lost++;
                        detail("LOST (fund report) " + text);
                    } else {
                        fundDoubleCounted++;
                        doubleCounted++;
                        detail("DOUBLE (fund report) " + text);
                    }
                }
            }
        }
        Money province = truth.get("52").getOrDefault("", Money.ZERO);
        ChaosRun.say("funds: " + workload.fundCommandsAcknowledged.get() + " fund commands acknowledged (" + workload.fundCommandsRefused.get()
                + " refused, " + workload.fundCommandsUnconfirmed.get() + " unconfirmed), " + fundPublished + " fund events published; "
                + fundProjectsChecked + " projects checked against the model (" + modelEntries + " acknowledged entries, " + entriesSeen
                + " entries in fund-service); fund-service " + province + "; lost " + (lost - lostBefore) + ", double-counted "
                + (doubleCounted - doubleBefore) + " of " + fundFiguresCompared + " fund figures");
    }

    /** GET with retries; null on 404 (fund-service has never heard of the project). */
    private JsonNode getOrNull(String url) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + workload.token())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return workload.json().readTree(r.body());
            }
            if (r.statusCode() == 404) {
                return null;
            }
            if (attempt >= 5) {
                throw new IllegalStateException("GET " + url + ": " + r.statusCode() + " " + r.body());
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private JsonNode get(String url) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + workload.token())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return workload.json().readTree(r.body());
            }
            if (attempt >= 5) {
                throw new IllegalStateException("GET " + url + ": " + r.statusCode() + " " + r.body());
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    /** The roll-up check of reporting-service, national (a report-admin token for 00); every differing counter is a mismatch. */
    private void checkRollups() throws Exception {
        String token = stack.issuer().token("chaos-verifier", Set.of("report-admin"), "00", Duration.ofMinutes(30));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.reporting().url() + "/api/v1/admin/rollups/check"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        figuresCompared++;
        if (r.statusCode() != 200) {
            mismatched++;
            detail("ROLLUP CHECK failed: " + r.statusCode() + " " + r.body());
            return;
        }
        JsonNode check = workload.json().readTree(r.body());
        if (check.path("consistent").asBoolean(false)) {
            ChaosRun.say("roll-up check: consistent");
            return;
        }
        long n = Math.max(1, check.path("mismatchCount").asLong(1));
        mismatched += n;
        detail("ROLLUP CHECK: " + n + " counters differ from the facts");
        for (JsonNode m : check.path("mismatches")) {
            detail("ROLLUP MISMATCH '" + m.path("regionPrefix").asText() + "' " + m.path("figure").asText()
                    + (m.path("year").isNull() ? "" : " " + m.path("year").asInt()) + " " + m.path("measure").asText()
                    + ": counter " + m.path("actual").asLong() + ", facts " + m.path("expected").asLong());
        }
    }

    private void checkSourceAgainstModel(Map<String, Source> byCode) {
        Set<String> known = new HashSet<>();
        List<Workload.Household> model;
        synchronized (workload.households) {
            model = List.copyOf(workload.households);
        }
        for (Workload.Household h : model) {
            known.add(h.code);
            if (h.unconfirmed) {
                continue;
            }
            Source s = byCode.get(h.code);
            String problem = null;
            if (s == null) {
                problem = "missing";
            } else if (!Objects.equals(h.state, s.state())) {
                problem = "state " + s.state() + ", expected " + h.state;
            } else if (s.members() != h.members.size()) {
                problem = s.members() + " members, expected " + h.members.size();
            } else if (!Objects.equals(h.identificationYear, s.identificationYear())) {
                problem = "identification year " + s.identificationYear() + ", expected " + h.identificationYear;
            } else if ("EXITED".equals(h.state) && !Objects.equals(h.exitYear, s.exitYear())) {
                problem = "exit year " + s.exitYear() + ", expected " + h.exitYear;
            } else if (!h.imported && h.returns != s.returns()) {
                problem = s.returns() + " returns, expected " + h.returns;
            }
            if (problem != null) {
                lost++;
                detail("LOST (household DB) " + h.code + (h.imported ? " (imported)" : "") + ": " + problem);
            }
        }
        for (String code : byCode.keySet()) {
            if (!known.contains(code)) {
                doubleCounted++;
                detail("DOUBLE (household DB) " + code + ": a household no command created");
            }
        }
    }

    private void checkReportAgainstSource(Map<String, Source> byId) throws SQLException {
        Map<String, Fact> facts = new HashMap<>();
        try (Connection c = stack.connect(ChaosStack.REPORTING_DB);
             ResultSet rs = c.createStatement().executeQuery("""
                     select household_id::text, region_code, member_count, status, identification_year, exit_year, removed_year,
                            monitored, last_return_year, return_count from household_fact""")) {
            while (rs.next()) {
                Fact f = new Fact(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), (Integer) rs.getObject(5),
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7), rs.getBoolean(8), (Integer) rs.getObject(9), rs.getInt(10));
                facts.put(f.id(), f);
            }
        }
        for (Source s : byId.values()) {
            if (!s.registeredOnce()) {
                continue;
            }
            Fact f = facts.get(s.id());
            String problem = null;
            if (f == null) {
                problem = "no fact";
            } else if (!s.state().equals(f.status())) {
                problem = "status " + f.status() + ", source " + s.state();
            } else if (s.members() != f.members()) {
                problem = f.members() + " members, source " + s.members();
            } else if (!Objects.equals(s.identificationYear(), f.identificationYear())) {
                problem = "identification year " + f.identificationYear() + ", source " + s.identificationYear();
            } else if ("EXITED".equals(s.state()) && !Objects.equals(s.exitYear(), f.exitYear())) {
                problem = "exit year " + f.exitYear() + ", source " + s.exitYear();
            } else if (!"REMOVED".equals(s.state()) && s.monitored() != f.monitored()) {
                problem = "monitored " + f.monitored() + ", source " + s.monitored();
            } else if (f.returns() < s.returns()) {
                problem = f.returns() + " returns, source " + s.returns();
            } else if ("REMOVED".equals(s.state()) && !Objects.equals(s.removedYear(), f.removedYear())) {
                problem = "removal year " + f.removedYear() + ", source " + s.removedYear();
            }
            if (problem != null) {
                lost++;
                detail("LOST (report) " + s.code() + ": " + problem);
            } else if (f.returns() > s.returns()) {
                doubleCounted++;
                detail("DOUBLE (report) " + s.code() + ": " + f.returns() + " returns, source " + s.returns());
            }
        }
        for (Fact f : facts.values()) {
            Source s = byId.get(f.id());
            if (s == null || !s.registeredOnce()) {
                doubleCounted++;
                detail("DOUBLE (report) fact " + f.id() + " of a household not in the registry");
            }
        }
    }

    private void checkFigures(java.util.Collection<Source> sources) throws Exception {
        List<String> regions = new ArrayList<>();
        regions.add("52");
        regions.addAll(Workload.COUNTIES);
        Set<Integer> years = new TreeSet<>();
        for (Source s : sources) {
            for (Integer y : new Integer[]{s.identificationYear(), s.exitYear(), s.lastReturnYear(), s.removedYear()}) {
                if (y != null) {
                    years.add(y);
                }
            }
        }
        List<Integer> asked = new ArrayList<>();
        asked.add(null);
        asked.addAll(years);
        String[] names = {"registered", "exited", "returned", "removed", "remaining", "monitored"};
        for (String region : regions) {
            for (Integer year : asked) {
                JsonNode report = report(region, year);
                long[] expected = recompute(sources, region, year);
                for (int i = 0; i < names.length; i++) {
                    long[] got = {report.path(names[i]).path("households").asLong(-1), report.path(names[i]).path("persons").asLong(-1)};
                    for (int k = 0; k < 2; k++) {
                        figuresCompared++;
                        if (got[k] != expected[2 * i + k]) {
                            mismatched++;
                            detail("MISMATCH " + region + (year == null ? "" : " " + year) + " " + names[i] + "."
                                    + (k == 0 ? "households" : "persons") + ": report " + got[k] + ", registry " + expected[2 * i + k]);
                        }
                    }
                }
            }
        }
    }

    /** The six figures (households, persons) of a region and year, from household-service's rows. */
    static long[] recompute(java.util.Collection<Source> sources, String region, Integer year) {
        long[] out = new long[12];
        for (Source s : sources) {
            if (!s.registeredOnce() || !s.region().startsWith(region)) {
                continue;
            }
            boolean[] in = {
                    ("REGISTERED".equals(s.state()) || "EXITED".equals(s.state())) && (year == null || year.equals(s.identificationYear())),
                    "EXITED".equals(s.state()) && (year == null || year.equals(s.exitYear())),
                    s.returns() > 0 && (year == null || year.equals(s.lastReturnYear())),
                    "REMOVED".equals(s.state()) && (year == null || year.equals(s.removedYear())),
                    "REGISTERED".equals(s.state()),
                    s.monitored() && !"REMOVED".equals(s.state())};
            for (int i = 0; i < in.length; i++) {
                if (in[i]) {
                    out[2 * i]++;
                    out[2 * i + 1] += s.members();
                }
            }
        }
        return out;
    }

    private JsonNode report(String region, Integer year) throws Exception {
        String url = stack.reporting().url() + "/api/v1/reports/households?region=" + region + (year == null ? "" : "&year=" + year);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + workload.token())
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return workload.json().readTree(r.body());
            }
            if (attempt >= 5) {
                throw new IllegalStateException("report " + url + ": " + r.statusCode() + " " + r.body());
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private long count(String database, String sql) throws SQLException {
        try (Connection c = stack.connect(database)) {
            return count(c, sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean hasColumn(String table, String column) throws SQLException {
        try (Connection c = stack.connect(ChaosStack.HOUSEHOLD_DB)) {
            return hasColumn(c, table, column);
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        return count(c, "select count(*) from information_schema.columns where table_name = '" + table + "' and column_name = '"
                + column + "'") > 0;
    }
}
