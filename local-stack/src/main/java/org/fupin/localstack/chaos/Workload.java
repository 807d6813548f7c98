package org.fupin.localstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The mixed workload: workers drive households through the public REST API with real tokens — registrations
 * (imported one by one, and applied then taken through every workflow step), exits, returns, removals, updates,
 * hardships and bulk NDJSON imports — and projects through project-service (entered with a budget, taken through
 * 前期审批, 招投标 and 开工 with their documents, progress reports up to 100 %, 完工, and sometimes 终止), and money through
 * fund-service ({@link FundCommands}: allocation documents and their lines, disbursements, reimbursements, reversals,
 * adjustments, recalls), and rectification issues through rectification-service ({@link RectificationCommands}: raised,
 * accepted, progress with evidence, reported, returned, extended, closed, and illegal steps that must be refused), and keep a model of what each acknowledged command did.
 * <p>
 * A command is retried until it is answered (connection refused, timeouts and 5xx while a fault lasts): creations
 * with the same {@code Idempotency-Key} (a batch import with the same body, which is the same job), changes with the
 * same {@code If-Match}. A change whose retry gets 412 was applied by an earlier attempt (each household is changed
 * by one worker only, so nobody else moved its version); it is then acknowledged once. A command that gets no answer
 * within {@link #COMMAND_DEADLINE} is "unconfirmed" and its household is left out of the checks.
 */
final class Workload {

    static final Duration COMMAND_DEADLINE = Duration.ofSeconds(150);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final List<String> COUNTIES = List.of("522401", "522422", "522428");
    /** The test data's names: the PII scan looks for each of them. */
    static final List<String> NAMES = List.of("王秀英", "李建国", "张桂兰", "刘德华", "陈玉梅", "杨志强", "赵淑珍", "黄永福",
            "周凤英", "吴国庆", "徐翠花", "孙卫东", "胡春燕", "朱海涛", "高红霞", "林振华", "何丽娟", "郭长江", "马兰芳", "罗金山");

    /** One household as the workload knows it from acknowledged commands. */
    static final class Household {
        final String code;
        final String village;
        final List<Map<String, Object>> members = new ArrayList<>();
        final boolean lowIncome;
        String id;
        long version;
        String state;
        Integer identificationYear;
        Integer exitYear;
        int returns;
        int nextStep = -1; // index into STEPS while in the workflow
        boolean unconfirmed;
        boolean imported;

        Household(String code, String village, boolean lowIncome) {
            this.code = code;
            this.village = village;
            this.lowIncome = lowIncome;
        }
    }

    /** One project (project-service) as the workload knows it from acknowledged commands. */
    static final class Project {
        final String code;
        final String village;
        String id;
        long version;
        String stage;
        int progress; // latest acknowledged physical progress, percent
        boolean corrected; // PUT while planned, once
        boolean adjusted; // 项目调整, once
        boolean unconfirmed;
        long enteredAt; // System.nanoTime() of the acknowledged entry
        /** The money fund-service should hold for this project, per source (fund commands of the one worker owning it). */
        final Map<String, FundModel.Account> funds = new java.util.TreeMap<>();
        /** The ledger entries of acknowledged fund commands (their ids in fund-service). */
        final Set<String> fundEntries = new java.util.HashSet<>();
        /** A fund command for this project got no answer: its money is left out of the model checks. */
        boolean fundUnconfirmed;

        Project(String code, String village) {
            this.code = code;
            this.village = village;
        }
    }

    /** The lifecycle order of the project stages (CANCELLED last: terminal). */
    static final List<String> PROJECT_STAGES = List.of("PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION", "COMPLETED",
            "ACCEPTED", "CANCELLED");
    /** The projects' category: it passes through 招投标 and needs no beneficiaries. */
    static final String PROJECT_CATEGORY = "village-infrastructure";
    static final int PROJECT_BUDGET = 400_000;

    record ImportJob(String jobId, List<Household> households) {
    }

    static final String[][] STEPS = {{"INVESTIGATED", "0"}, {"DEMOCRATICALLY_REVIEWED", "0"}, {"VILLAGE_NOTICE_STARTED", "0"},
            {"TOWNSHIP_REVIEWED", "7"}, {"TOWNSHIP_NOTICE_STARTED", "8"}, {"COUNTY_ANNOUNCED", "15"}};

    private final ChaosStack stack;
    private final long seed;
    private final int workers;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String token;

    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong projectCommandsAcknowledged = new AtomicLong();
    final AtomicLong fundCommandsAcknowledged = new AtomicLong();
    final AtomicLong fundCommandsRefused = new AtomicLong();
    final AtomicLong fundCommandsUnconfirmed = new AtomicLong();
    final AtomicLong rectificationAcknowledged = new AtomicLong();
    final AtomicLong rectificationRefused = new AtomicLong();
    final AtomicLong rectificationUnconfirmed = new AtomicLong();
    final AtomicLong rectificationRaisesUnconfirmed = new AtomicLong();
    final AtomicLong rectificationIllegalRefused = new AtomicLong();
    final AtomicLong rectificationIllegalAccepted = new AtomicLong();
    /** Every worker's rectification issues (each worked by its one worker). */
    final List<RectificationCommands.Issue> rectificationIssues = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong acknowledgedAfterRetry = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong unconfirmed = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final Queue<String> notes = new ConcurrentLinkedQueue<>();
    final List<Household> households = Collections.synchronizedList(new ArrayList<>());
    final List<ImportJob> jobs = Collections.synchronizedList(new ArrayList<>());
    final List<Project> projects = Collections.synchronizedList(new ArrayList<>());

    Workload(ChaosStack stack, long seed, int workers) {
        this.stack = stack;
        this.seed = seed;
        this.workers = workers;
        this.token = stack.issuer().token("chaos", Set.of("household-clerk", "household-township-reviewer", "household-county-approver",
                "household-importer", "household-viewer", "report-viewer", "project-clerk", "project-approver", "project-viewer",
                "fund-clerk", "fund-approver", "fund-viewer"), "52", Duration.ofHours(6));
    }

    String token() {
        return token;
    }

    org.fupin.infra.LocalOidcIssuer issuer() {
        return stack.issuer();
    }

    ObjectMapper json() {
        return json;
    }

    /** Runs the workers until the deadline; a command in flight at the deadline is finished. */
    void run(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Worker w = new Worker(i, new Random(seed * 1_000_003L + i));
            Thread t = new Thread(() -> w.loop(deadline), "chaos-worker-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    void note(String text) {
        if (notes.size() < 200) {
            notes.add(text);
        }
    }

    final class Worker {
        final int index;
        final Random random;
        final List<Household> mine = new ArrayList<>();
        final List<Project> myProjects = new ArrayList<>();
        int projectCounter;
        int counter;
        final FundCommands funds;
        final RectificationCommands rectification;

        Worker(int index, Random random) {
            this.index = index;
            this.random = random;
            this.funds = new FundCommands(Workload.this, this);
            this.rectification = new RectificationCommands(Workload.this, this);
        }

        void loop(long deadline) {
            while (System.nanoTime() < deadline) {
                try {
                    step();
                } catch (Exception e) {
                    note("worker " + index + ": " + e);
                }
            }
        }

        void step() throws Exception {
            int kind = random.nextInt(100);
            if (kind < 15) {
                projectCommand();
                return;
            }
            if (kind < 30) {
                funds.step();
                return;
            }
            if (kind < 42) {
                int before = rectification.issues.size();
                rectification.step();
                if (rectification.issues.size() > before) {
                    rectificationIssues.addAll(rectification.issues.subList(before, rectification.issues.size()));
                }
                return;
            }
            int r = random.nextInt(100);
            if (r < 22) {
                register();
            } else if (r < 32) {
                apply();
            } else if (r < 52) {
                act(h -> h.nextStep >= 0, this::advance);
            } else if (r < 64) {
                act(h -> "REGISTERED".equals(h.state) && !h.lowIncome, this::exit);
            } else if (r < 72) {
                act(h -> "EXITED".equals(h.state), this::returnToPoverty);
            } else if (r < 77) {
                act(h -> "REGISTERED".equals(h.state) || "EXITED".equals(h.state), this::remove);
            } else if (r < 87) {
                act(h -> h.state != null && !"REMOVED".equals(h.state), this::update);
            } else if (r < 93) {
                act(h -> "REGISTERED".equals(h.state) || "EXITED".equals(h.state), this::hardship);
            } else {
                importBatch();
            }
        }

        interface Action {
            void run(Household h) throws Exception;
        }

        void act(Predicate<Household> eligible, Action action) throws Exception {
            List<Household> candidates = mine.stream().filter(h -> !h.unconfirmed && h.id != null).filter(eligible).toList();
            if (candidates.isEmpty()) {
                register();
                return;
            }
            action.run(candidates.get(random.nextInt(candidates.size())));
        }

        Household newHousehold() {
            String county = COUNTIES.get(random.nextInt(COUNTIES.size()));
            String village = county + String.format("%03d%03d", 1 + random.nextInt(3), 1 + random.nextInt(4));
            Household h = new Household("CH" + index + "-" + (++counter), village, random.nextInt(100) < 15);
            int size = 1 + random.nextInt(5);
            for (int i = 0; i < size; i++) {
                h.members.add(member(i == 0 ? "HEAD" : (i == 1 ? "SPOUSE" : "CHILD")));
            }
            return h;
        }

        private int people;

        Map<String, Object> member(String relation) {
            int k = people++;
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays((k * 37L) % 20_000);
            String id = ResidentIds.of("52" + String.format("%02d", 10 + index) + "01", birth, k / 20_000 * 2 + random.nextInt(2));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", NAMES.get(random.nextInt(NAMES.size())));
            m.put("residentId", id);
            m.put("relation", relation);
            m.put("sex", (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
            m.put("birthDate", birth.toString());
            m.put("health", "HEALTHY");
            m.put("disability", "NONE");
            m.put("labourAbility", "NORMAL");
            m.put("education", "PRIMARY");
            m.put("schoolingStatus", "FINISHED");
            m.put("migrantWork", false);
            return m;
        }

        Map<String, Object> body(Household h) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("regionCode", h.village);
            b.put("householdCode", h.code);
            b.put("householdType", "ORDINARY");
            b.put("mainCause", "ILLNESS");
            b.put("otherCauses", List.of("LACK_OF_SKILLS"));
            b.put("incomeYear", 2020);
            b.put("incomeItems", Map.of("WAGES", h.lowIncome ? "5000.00" : "90000.00"));
            b.put("members", h.members);
            return b;
        }

        String idempotencyKey(Household h) {
            return "chaos-" + seed + "-" + h.code;
        }

        void register() throws Exception {
            Household h = newHousehold();
            int year = 2016 + random.nextInt(4);
            created(h, "/api/v1/households/registered", Map.of("household", body(h), "identificationYear", year), year);
        }

        void apply() throws Exception {
            Household h = newHousehold();
            created(h, "/api/v1/households", body(h), null);
        }

        void created(Household h, String path, Object body, Integer identificationYear) throws Exception {
            mine.add(h);
            households.add(h);
            Reply reply = send(() -> HttpRequest.newBuilder(uri(path)).header("Idempotency-Key", idempotencyKey(h))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
            if (reply.status == 0) {
                unconfirmed(h, "POST " + path);
            } else if (reply.status == 201) {
                acknowledge(reply);
                adopt(h, reply.body);
                h.identificationYear = identificationYear;
                if ("APPLIED".equals(h.state)) {
                    h.nextStep = 0;
                }
            } else {
                h.unconfirmed = true; // never created; left out of the checks
                refuse("POST " + path, reply);
            }
        }

        void advance(Household h) throws Exception {
            LocalDate start = LocalDate.now(CHINA).minusDays(20);
            String[] step = STEPS[h.nextStep];
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("step", step[0]);
            body.put("date", start.plusDays(Integer.parseInt(step[1])).toString());
            if (step[0].equals("COUNTY_ANNOUNCED")) {
                body.put("identificationYear", 2016 + random.nextInt(4));
            }
            if (change(h, "POST", "/steps", body)) {
                h.nextStep = h.nextStep + 1 < STEPS.length ? h.nextStep + 1 : -1;
                if ("REGISTERED".equals(h.state)) {
                    h.identificationYear = (Integer) body.get("identificationYear");
                }
            }
        }

        void exit(Household h) throws Exception {
            int from = Math.max(2016, h.identificationYear == null ? 2016 : h.identificationYear);
            int year = from + random.nextInt(2021 - from);
            Map<String, Object> conditions = Map.of("FOOD", true, "CLOTHING", true, "COMPULSORY_EDUCATION", true,
                    "BASIC_MEDICAL_INSURANCE", true, "SAFE_HOUSING", true);
            if (change(h, "POST", "/exit", Map.of("exitYear", year, "conditions", conditions))) {
                h.exitYear = year;
            }
        }

        void returnToPoverty(Household h) throws Exception {
            LocalDate today = LocalDate.now(CHINA);
            if (change(h, "POST", "/return", Map.of("year", today.getYear(), "reason", "因病返贫", "date", today.toString()))) {
                h.returns++;
                h.exitYear = null;
            }
        }

        void remove(Household h) throws Exception {
            change(h, "POST", "/removal", Map.of("reason", "错评", "date", LocalDate.now(CHINA).toString()));
        }

        void update(Household h) throws Exception {
            List<Map<String, Object>> before = new ArrayList<>(h.members);
            if (h.members.size() > 1 && (h.members.size() >= 6 || random.nextBoolean())) {
                h.members.remove(h.members.size() - 1);
            } else {
                h.members.add(member("CHILD"));
            }
            if (!change(h, "PUT", "", body(h))) {
                h.members.clear();
                h.members.addAll(before);
            }
        }

        void hardship(Household h) throws Exception {
            change(h, "POST", "/hardships", Map.of("kind", random.nextBoolean() ? "ILLNESS" : "DISASTER"));
        }

        void importBatch() throws Exception {
            int year = 2016 + random.nextInt(4);
            List<Household> batch = new ArrayList<>();
            StringBuilder ndjson = new StringBuilder();
            for (int i = 2 + random.nextInt(5); i > 0; i--) {
                Household h = newHousehold();
                h.imported = true;
                batch.add(h);
                ndjson.append(json.writeValueAsString(Map.of("household", body(h), "identificationYear", year))).append('\n');
            }
            Reply reply = send(() -> HttpRequest.newBuilder(uri("/api/v1/household-imports")).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())));
            if (reply.status == 202) {
                acknowledge(reply);
                for (Household h : batch) {
                    h.state = "REGISTERED";
                    h.identificationYear = year;
                    households.add(h); // imported households get no further commands
                }
                jobs.add(new ImportJob(reply.body.path("jobId").asText(), batch));
            } else if (reply.status == 0) {
                batch.forEach(h -> {
                    h.unconfirmed = true;
                    households.add(h);
                });
                unconfirmed.incrementAndGet();
                note("unconfirmed: import of " + batch.size() + " households");
            } else {
                refuse("POST /api/v1/household-imports", reply);
            }
        }

        // ---- projects (project-service) ----

        /** Enters a new project, or takes one of this worker's open projects one command further (or cancels it). */
        void projectCommand() throws Exception {
            List<Project> open = myProjects.stream().filter(p -> !p.unconfirmed && p.id != null)
                    .filter(p -> !"ACCEPTED".equals(p.stage) && !"CANCELLED".equals(p.stage)).toList();
            if (open.isEmpty() || random.nextInt(100) < 25) {
                enterProject();
                return;
            }
            Project p = open.get(random.nextInt(open.size()));
            String today = LocalDate.now(CHINA).toString();
            if (!"COMPLETED".equals(p.stage) && random.nextInt(100) < 8) { // 终止 only before completion
                projectChange(p, "/cancellation", Map.of("reason", "项目终止：资金调整", "date", today, "documentNumber", "终止〔" + p.code + "〕"));
                return;
            }
            if (!p.adjusted && !"COMPLETED".equals(p.stage) && random.nextInt(100) < 10) { // 项目调整: more county funds
                if (projectChange(p, "/adjustments", Map.of("budget", Map.of("central-budget", (PROJECT_BUDGET / 2) + ".00",
                                "county-budget", (PROJECT_BUDGET / 2 + 50_000) + ".00"), "plannedEndDate", LocalDate.now(CHINA).getYear() + "-12-31",
                        "reason", "追加县级配套资金", "approvalDocument", "调整〔" + p.code + "〕", "date", today))) {
                    p.adjusted = true;
                }
                return;
            }
            if ("PLANNED".equals(p.stage) && !p.corrected && random.nextInt(100) < 30) { // a correction while still planned
                if (projectChange(p, "", "PUT", projectBody(p, "3 公里"))) {
                    p.corrected = true;
                }
                return;
            }
            switch (p.stage) {
                case "PLANNED" -> projectStep(p, "PRE_APPROVAL", "审批〔" + p.code + "〕");
                case "PRE_APPROVAL_DONE" -> projectStep(p, "TENDERING", "招标〔" + p.code + "〕");
                case "TENDERING" -> projectStep(p, "CONSTRUCTION_START", "开工〔" + p.code + "〕");
                case "UNDER_CONSTRUCTION" -> {
                    if (p.progress >= 100) {
                        projectStep(p, "COMPLETION", "竣工〔" + p.code + "〕");
                    } else {
                        int percent = Math.min(100, p.progress + 25 + random.nextInt(40));
                        long investment = (long) PROJECT_BUDGET * percent / 100;
                        if (projectChange(p, "/progress", Map.of("reportDate", today, "physicalProgress", percent + ".00",
                                "investmentCompleted", investment + ".00"))) {
                            p.progress = percent;
                        }
                    }
                }
                case "COMPLETED" -> projectStep(p, "ACCEPTANCE", "验收〔" + p.code + "〕");
                default -> {
                }
            }
        }

        void projectStep(Project p, String step, String document) throws Exception {
            projectChange(p, "/steps", Map.of("step", step, "date", LocalDate.now(CHINA).toString(), "documentNumber", document));
        }

        /** The record as entered, or as corrected while planned ({@code scale} differs). */
        Map<String, Object> projectBody(Project p, String scale) {
            LocalDate today = LocalDate.now(CHINA);
            int year = today.getYear();
            String county = p.village.substring(0, 6);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("projectCode", p.code);
            body.put("name", "村组道路硬化 " + p.code);
            body.put("projectYear", year);
            body.put("category", PROJECT_CATEGORY);
            body.put("regionCode", p.village);
            body.put("unit", Map.of("name", "县乡村振兴局" + county));
            body.put("constructionContent", "硬化村组道路");
            body.put("constructionScale", scale);
            body.put("plannedStartDate", year + "-01-01");
            body.put("plannedEndDate", year + "-12-31");
            body.put("budget", Map.of("central-budget", (PROJECT_BUDGET / 2) + ".00", "county-budget", (PROJECT_BUDGET / 2) + ".00"));
            body.put("date", today.toString());
            return body;
        }

        void enterProject() throws Exception {
            String county = COUNTIES.get(random.nextInt(COUNTIES.size()));
            String village = county + String.format("%03d%03d", 1 + random.nextInt(3), 1 + random.nextInt(4));
            Project p = new Project("CHP" + seed + "-" + index + "-" + (++projectCounter), village);
            Map<String, Object> body = projectBody(p, "2 公里");
            myProjects.add(p);
            projects.add(p);
            Reply reply = send(() -> HttpRequest.newBuilder(projectUri("/api/v1/projects")).header("Idempotency-Key", "chaos-" + p.code)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
            if (reply.status == 0) {
                unconfirmedProject(p, "POST /api/v1/projects");
            } else if (reply.status == 201) {
                acknowledge(reply);
                projectCommandsAcknowledged.incrementAndGet();
                adopt(p, reply.body);
                p.enteredAt = System.nanoTime();
            } else {
                p.unconfirmed = true; // never created; left out of the checks
                refuse("POST /api/v1/projects", reply);
            }
        }

        /**
         * A project command with If-Match and an Idempotency-Key (the same on every retry); true when acknowledged. As
         * for households: a retry answered 412 was applied by an earlier attempt if the version moved (each project is
         * changed by one worker only), which a re-read of the project tells; otherwise the project is unconfirmed.
         */
        boolean projectChange(Project p, String suffix, Object body) throws Exception {
            return projectChange(p, suffix, "POST", body);
        }

        boolean projectChange(Project p, String suffix, String method, Object body) throws Exception {
            String path = "/api/v1/projects/" + p.id + suffix;
            long version = p.version;
            String key = "chaos-" + p.code + "-v" + version + suffix.replace('/', '-') + "-" + method;
            String payload = json.writeValueAsString(body);
            Reply reply = send(() -> HttpRequest.newBuilder(projectUri(path)).header("If-Match", "\"" + version + "\"")
                    .header("Idempotency-Key", key).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(payload)));
            if (reply.status == 0) {
                unconfirmedProject(p, "POST " + suffix);
                return false;
            }
            if (reply.status == 200) {
                acknowledge(reply);
                projectCommandsAcknowledged.incrementAndGet();
                adopt(p, reply.body);
                return true;
            }
            if (reply.status == 412 && reply.retried) {
                Reply current = send(() -> HttpRequest.newBuilder(projectUri("/api/v1/projects/" + p.id)).GET());
                if (current.status == 200 && current.body.path("version").asLong() > version) {
                    acknowledged.incrementAndGet();
                    acknowledgedAfterRetry.incrementAndGet();
                    projectCommandsAcknowledged.incrementAndGet();
                    adopt(p, current.body);
                    return true;
                }
                unconfirmedProject(p, "POST " + suffix + " (412, version unchanged)");
                return false;
            }
            refuse("POST project" + suffix + " (" + p.stage + ")", reply);
            return false;
        }

        void adopt(Project p, JsonNode view) {
            p.id = view.path("id").asText();
            p.version = view.path("version").asLong();
            p.stage = view.path("stage").asText();
        }

        void unconfirmedProject(Project p, String what) {
            p.unconfirmed = true;
            unconfirmed.incrementAndGet();
            note("unconfirmed: " + what + " of project " + p.code);
        }

        /** A change with If-Match; true when acknowledged (the model then holds the new version and state). */
        boolean change(Household h, String method, String suffix, Object body) throws Exception {
            String path = "/api/v1/households/" + h.id + suffix;
            long version = h.version;
            Reply reply = send(() -> HttpRequest.newBuilder(uri(path)).header("If-Match", "\"" + version + "\"")
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
            if (reply.status == 0) {
                unconfirmed(h, method + " " + suffix);
                return false;
            }
            if (reply.status == 200) {
                acknowledge(reply);
                adopt(h, reply.body);
                return true;
            }
            if (reply.status == 412 && reply.retried) {
                Reply current = send(() -> HttpRequest.newBuilder(uri("/api/v1/households/" + h.id)).GET());
                if (current.status == 200 && current.body.path("version").asLong() > version) {
                    acknowledged.incrementAndGet();
                    acknowledgedAfterRetry.incrementAndGet();
                    adopt(h, current.body);
                    return true;
                }
                unconfirmed(h, method + " " + suffix + " (412, version unchanged)");
                return false;
            }
            refuse(method + " household" + suffix + " (" + h.state + ")", reply);
            return false;
        }

        void adopt(Household h, JsonNode view) {
            h.id = view.path("id").asText();
            h.version = view.path("version").asLong();
            h.state = view.path("state").asText();
        }

        void acknowledge(Reply reply) {
            acknowledged.incrementAndGet();
            if (reply.retried) {
                acknowledgedAfterRetry.incrementAndGet();
            }
        }

        void unconfirmed(Household h, String what) {
            h.unconfirmed = true;
            unconfirmed.incrementAndGet();
            note("unconfirmed: " + what + " of " + h.code);
        }

        void refuse(String what, Reply reply) {
            refused.incrementAndGet();
            String detail = reply.body == null ? "" : reply.body.path("detail").asText(reply.body.path("title").asText(""));
            note("refused: " + what + " -> " + reply.status + " " + detail);
        }
    }

    interface RequestFactory {
        HttpRequest.Builder build() throws Exception;
    }

    /** status 0: no answer before the deadline; retried: an earlier attempt failed in a way that may have applied it. */
    record Reply(int status, JsonNode body, boolean retried) {
    }

    URI uri(String path) {
        return URI.create(stack.household().url() + path);
    }

    URI projectUri(String path) {
        return URI.create(stack.project().url() + path);
    }

    URI fundUri(String path) {
        return URI.create(stack.fund().url() + path);
    }

    URI rectificationUri(String path) {
        return URI.create(stack.rectification().url() + path);
    }

    long seed() {
        return seed;
    }

    /** Sends until a definite answer (anything but 5xx, 401, 408, 429 or an I/O failure) or the command deadline. */
    Reply send(RequestFactory factory) throws Exception {
        return send(factory, token);
    }

    /** As {@link #send(RequestFactory)}, with another caller's token (rectification: inspector, units). */
    Reply send(RequestFactory factory, String token) throws Exception {
        long deadline = System.nanoTime() + COMMAND_DEADLINE.toNanos();
        boolean retried = false;
        long backoff = 200;
        while (true) {
            try {
                HttpRequest request = factory.build().header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15)).build();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                int s = r.statusCode();
                if (s < 500 && s != 401 && s != 408 && s != 429) {
                    JsonNode body = r.body() == null || r.body().isBlank() ? null : parse(r.body());
                    return new Reply(s, body, retried);
                }
            } catch (IOException e) {
                // refused, reset or timed out: the service is down, paused or restarting
            }
            retried = true;
            retries.incrementAndGet();
            if (System.nanoTime() > deadline) {
                return new Reply(0, null, true);
            }
            TimeUnit.MILLISECONDS.sleep(backoff);
            backoff = Math.min(2000, backoff * 2);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
