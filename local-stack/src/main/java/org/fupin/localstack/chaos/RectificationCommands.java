package org.fupin.localstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The rectification commands of one worker (rectification-service, issue 10): a source document (巡视) of the worker's
 * own, issues raised from it (short-term, and long-term with a milestone), accepted by the worker's lead unit, progress
 * recorded with a PDF as evidence (multipart, by the lead unit or the co-unit), reported with evidence, returned or closed
 * (销号) by the inspector, deadlines extended — and, now and then, a step the issue's state does not allow (closing an
 * open issue, accepting a closed one, …), which must be refused with 409 and change nothing.
 * <p>
 * Every write carries {@code If-Match} and an {@code Idempotency-Key}, both the same on every retry (Workload#send), so a
 * step whose answer was lost is applied once; a retry answered 412 was applied by an earlier attempt if the version
 * moved (each issue is worked by one worker only), which a re-read tells. The state each acknowledged step leaves is
 * kept in {@link Issue}; an unanswered step leaves its issue out of the model check. Issues are found again in
 * rectification-service's database by their code at the head of the description.
 */
final class RectificationCommands {

    static final String INSPECTOR_ROLE = "rectification-inspector";
    static final String UNIT_ROLE = "rectification-unit";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final List<String> CATEGORIES = List.of("identification-accuracy", "exit-accuracy", "project-management",
            "fund-management", "policy-implementation", "work-style");

    /** One issue as the workload knows it from acknowledged steps. */
    static final class Issue {
        final String code;
        final String village;
        final boolean longTerm;
        String id;
        long version;
        String state;
        int returns;
        LocalDate deadline;
        boolean milestoneReached;
        final List<String> evidence = new ArrayList<>();
        boolean unconfirmed;

        Issue(String code, String village, boolean longTerm, LocalDate deadline) {
            this.code = code;
            this.village = village;
            this.longTerm = longTerm;
            this.deadline = deadline;
        }
    }

    private final Workload w;
    private final Workload.Worker worker;
    private final Random random;
    private final String inspector;
    private final String leadUnit;
    private final String coUnit;
    private final String leadToken;
    private final String coToken;
    final List<Issue> issues = new ArrayList<>();
    private String sourceId;
    private int counter;

    RectificationCommands(Workload w, Workload.Worker worker) {
        this.w = w;
        this.worker = worker;
        this.random = worker.random;
        this.leadUnit = "chaos-office-" + worker.index;
        this.coUnit = "chaos-township-" + worker.index;
        Duration ttl = Duration.ofHours(6);
        this.inspector = w.issuer().token("chaos-inspector-" + worker.index, Set.of(INSPECTOR_ROLE), "52", null, ttl);
        this.leadToken = w.issuer().token("chaos-clerk-" + worker.index, Set.of(UNIT_ROLE), "52", leadUnit, ttl);
        this.coToken = w.issuer().token("chaos-town-clerk-" + worker.index, Set.of(UNIT_ROLE), "52", coUnit, ttl);
    }

    /** The code at the head of every description of this run's issues. */
    static String prefix(long seed) {
        return "CHR" + seed + "-";
    }

    void step() throws Exception {
        if (sourceId == null) {
            source();
            return;
        }
        List<Issue> open = issues.stream().filter(i -> !i.unconfirmed && i.id != null && !"CLOSED".equals(i.state)).toList();
        int r = random.nextInt(100);
        if (open.isEmpty() || r < 18) {
            raise();
            return;
        }
        if (r < 28) {
            List<Issue> any = issues.stream().filter(i -> !i.unconfirmed && i.id != null).toList();
            illegal(any.get(random.nextInt(any.size())));
            return;
        }
        Issue i = open.get(random.nextInt(open.size()));
        if (random.nextInt(100) < 7) {
            extend(i);
            return;
        }
        switch (i.state) {
            case "OPEN", "RETURNED" -> change(i, leadToken, "acceptance", json(Map.of("remark", "已成立整改专班")));
            case "IN_PROGRESS" -> {
                boolean milestoneDue = i.longTerm && !i.milestoneReached;
                if (i.evidence.isEmpty() || milestoneDue || random.nextInt(100) < 40) {
                    progress(i, milestoneDue && random.nextBoolean());
                } else {
                    change(i, leadToken, "report", json(Map.of("text", "问题已整改到位", "evidenceIds", List.of(i.evidence.get(0)))));
                }
            }
            case "REPORTED" -> {
                if (random.nextInt(100) < 35) {
                    change(i, inspector, "return", json(Map.of("reason", "佐证材料不全"))); // returnCount from the answer
                } else {
                    change(i, inspector, "closure", json(Map.of("closingRemark", "经核查，整改到位，同意销号")));
                }
            }
            default -> {
            }
        }
    }

    // ---- the commands ----

    private void source() throws Exception {
        int n = ++counter;
        LocalDate today = LocalDate.now(Workload.CHINA);
        String county = Workload.COUNTIES.get(worker.index % Workload.COUNTIES.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "inspection");
        body.put("issuingBody", "省委第三巡视组");
        body.put("documentNumber", "黔巡反〔" + today.getYear() + "〕" + prefix(w.seed()) + worker.index + "-" + n + "号");
        body.put("date", today.toString());
        body.put("regionCode", county + "000000");
        Workload.Reply reply = post("/api/v1/finding-sources", inspector, key(n), null, json(body), "application/json");
        if (reply.status() == 201 && reply.body() != null) {
            worker.acknowledge(reply);
            w.rectificationAcknowledged.incrementAndGet();
            sourceId = reply.body().path("id").asText();
        } else if (reply.status() == 0) {
            w.unconfirmed.incrementAndGet();
            w.rectificationUnconfirmed.incrementAndGet();
            w.note("unconfirmed: rectification source of worker " + worker.index);
        } else {
            w.rectificationRefused.incrementAndGet();
            worker.refuse("rectification source", reply);
        }
    }

    private void raise() throws Exception {
        int n = ++counter;
        String county = Workload.COUNTIES.get(worker.index % Workload.COUNTIES.size());
        String village = county + String.format("%03d%03d", 1 + random.nextInt(3), 1 + random.nextInt(4));
        LocalDate today = LocalDate.now(Workload.CHINA);
        boolean longTerm = random.nextInt(100) < 20;
        Issue i = new Issue(prefix(w.seed()) + worker.index + "-" + n, village, longTerm, today.plusDays(longTerm ? 365 : 60));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceId", sourceId);
        body.put("description", i.code + " 部分贫困户帮扶措施不精准");
        body.put("category", CATEGORIES.get(random.nextInt(CATEGORIES.size())));
        body.put("regionCode", village);
        body.put("leadUnit", leadUnit);
        body.put("coUnits", List.of(coUnit));
        body.put("deadline", i.deadline.toString());
        body.put("term", longTerm ? "LONG_TERM" : "SHORT");
        body.put("measures", "逐户核查，调整帮扶措施");
        if (longTerm) {
            body.put("milestones", List.of(Map.of("description", "完成逐户核查", "dueDate", today.plusDays(90).toString())));
        }
        issues.add(i);
        Workload.Reply reply = post("/api/v1/rectification-issues", inspector, key(n), null, json(body), "application/json");
        if (reply.status() == 201 && reply.body() != null) {
            worker.acknowledge(reply);
            w.rectificationAcknowledged.incrementAndGet();
            adopt(i, reply.body());
        } else if (reply.status() == 0) {
            unconfirmed(i, "raise");
            w.rectificationRaisesUnconfirmed.incrementAndGet();
        } else {
            i.unconfirmed = true; // never raised: left out of the checks
            w.rectificationRefused.incrementAndGet();
            worker.refuse("raise rectification issue", reply);
        }
    }

    /** A ledger entry (整改台账) with a PDF, in one multipart request; sometimes it marks the milestone reached. */
    private void progress(Issue i, boolean milestone) throws Exception {
        String boundary = "chaos" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, boundary, "text", "整改进展：已完成第" + (i.evidence.size() + 1) + "批核查");
        if (milestone) {
            field(out, boundary, "milestoneNumber", "1");
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ledger-" + i.code
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(PDF);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String token = !milestone && random.nextInt(100) < 30 ? coToken : leadToken; // co-units record progress too
        if (change(i, token, "ledger-entries", out.toByteArray(), "multipart/form-data; boundary=" + boundary) && milestone) {
            i.milestoneReached = true;
        }
    }

    private void extend(Issue i) throws Exception {
        LocalDate to = i.deadline.plusDays(30);
        Map<String, Object> body = Map.of("deadline", to.toString(), "reason", "需补充材料", "approver", "县委巡察办");
        if (change(i, inspector, "deadline-extensions", json(body))) {
            i.deadline = to;
        }
    }

    /** A step the issue's state does not allow: must be 409, and nothing changes. */
    private void illegal(Issue i) throws Exception {
        String[][] byState = {
                {"OPEN", "report:unit", "closure:inspector", "return:inspector"},
                {"IN_PROGRESS", "acceptance:unit", "closure:inspector", "return:inspector"},
                {"REPORTED", "acceptance:unit"},
                {"RETURNED", "closure:inspector", "return:inspector", "report:unit"},
                {"CLOSED", "acceptance:unit", "return:inspector", "closure:inspector", "deadline-extensions:inspector"}};
        String[] choices = null;
        for (String[] s : byState) {
            if (s[0].equals(i.state)) {
                choices = s;
            }
        }
        if (choices == null) {
            return;
        }
        String[] pick = choices[1 + random.nextInt(choices.length - 1)].split(":");
        String token = pick[1].equals("unit") ? leadToken : inspector;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", "非法步骤");
        body.put("evidenceIds", i.evidence.isEmpty() ? List.of() : List.of(i.evidence.get(0)));
        body.put("closingRemark", "非法步骤");
        body.put("reason", "非法步骤");
        body.put("remark", "非法步骤");
        body.put("approver", "非法步骤");
        body.put("deadline", i.deadline.plusDays(1).toString());
        String path = "/api/v1/rectification-issues/" + i.id + "/" + pick[0];
        long version = i.version;
        Workload.Reply reply = post(path, token, "chaos-illegal-" + i.code + "-v" + version + "-" + pick[0], version,
                json(body), "application/json");
        if (reply.status() == 409) {
            w.rectificationIllegalRefused.incrementAndGet();
            return;
        }
        if (reply.status() == 0) {
            return; // no answer: nothing known; the model check tells whether it changed anything
        }
        if (reply.status() / 100 == 2) {
            w.rectificationIllegalAccepted.incrementAndGet();
            w.note("ILLEGAL step accepted: " + pick[0] + " on a " + i.state + " issue " + i.code + " -> " + reply.status());
            i.unconfirmed = true;
            return;
        }
        // 412 on a retry of a step that was never applied (a lost 409) also tells nothing moved
        w.note("illegal " + pick[0] + " on a " + i.state + " issue " + i.code + " answered " + reply.status());
    }

    // ---- helpers ----

    /** A step with If-Match and an Idempotency-Key, the same on every retry; true when acknowledged. */
    private boolean change(Issue i, String token, String step, byte[] body) throws Exception {
        return change(i, token, step, body, "application/json");
    }

    private boolean change(Issue i, String token, String step, byte[] body, String contentType) throws Exception {
        long version = i.version;
        String path = "/api/v1/rectification-issues/" + i.id + "/" + step;
        Workload.Reply reply = post(path, token, "chaos-" + i.code + "-v" + version + "-" + step, version, body, contentType);
        if (reply.status() == 0) {
            unconfirmed(i, step);
            return false;
        }
        if ((reply.status() == 200 || reply.status() == 201) && reply.body() != null) {
            worker.acknowledge(reply);
            w.rectificationAcknowledged.incrementAndGet();
            adopt(i, reply.body());
            return true;
        }
        if (reply.status() == 412 && reply.retried()) {
            Workload.Reply current = w.send(() -> HttpRequest.newBuilder(w.rectificationUri("/api/v1/rectification-issues/" + i.id)).GET(),
                    inspector);
            if (current.status() == 200 && current.body() != null && current.body().path("version").asLong() > version) {
                w.acknowledged.incrementAndGet();
                w.acknowledgedAfterRetry.incrementAndGet();
                w.rectificationAcknowledged.incrementAndGet();
                adopt(i, current.body());
                return true;
            }
            unconfirmed(i, step + " (412, version unchanged)");
            return false;
        }
        w.rectificationRefused.incrementAndGet();
        worker.refuse("rectification " + step + " (" + i.state + ")", reply);
        return false;
    }

    private void adopt(Issue i, JsonNode view) {
        i.id = view.path("id").asText();
        i.version = view.path("version").asLong();
        i.state = view.path("state").asText();
        i.returns = view.path("returnCount").asInt(i.returns);
        if (view.hasNonNull("deadline")) {
            i.deadline = LocalDate.parse(view.path("deadline").asText());
        }
        for (JsonNode e : view.path("evidence")) {
            String id = e.path("id").asText("");
            if (!id.isEmpty() && !i.evidence.contains(id)) {
                i.evidence.add(id);
            }
        }
        boolean reached = false;
        for (JsonNode m : view.path("milestones")) {
            reached |= m.hasNonNull("reachedOn");
        }
        i.milestoneReached = i.milestoneReached || reached;
    }

    private void unconfirmed(Issue i, String what) {
        i.unconfirmed = true;
        w.unconfirmed.incrementAndGet();
        w.rectificationUnconfirmed.incrementAndGet();
        w.note("unconfirmed: rectification " + what + " of " + i.code);
    }

    private Workload.Reply post(String path, String token, String key, Long version, byte[] body, String contentType) throws Exception {
        return w.send(() -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(w.rectificationUri(path)).header("Idempotency-Key", key)
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (version != null) {
                b.header("If-Match", "\"" + version + "\"");
            }
            return b;
        }, token);
    }

    private byte[] json(Object body) throws Exception {
        return w.json().writeValueAsBytes(body);
    }

    private String key(int n) {
        return "chaos-rect-" + w.seed() + "-" + worker.index + "-" + n;
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) throws Exception {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
