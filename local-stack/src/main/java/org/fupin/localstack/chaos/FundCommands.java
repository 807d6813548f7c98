package org.fupin.localstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The fund commands of one worker (fund-service, issue 9), over the projects that worker entered: allocation documents
 * with lines (资金下达), lines added to a document later, disbursements (拨付), reimbursements (报账), reversals of a
 * voucher (红字冲销), adjustments between two projects of a county (资金调整) and recalls of the balance of a completed or
 * cancelled project (结余资金收回). Every POST carries an {@code Idempotency-Key} and is retried with the same key (and
 * the same body) until it is answered, so a payment whose answer was lost is never paid twice. The money each
 * acknowledged command moves is kept in {@link Workload.Project#funds} (what fund-service must hold), with the ids of
 * the ledger entries it created; a command that gets no answer leaves its projects out of the model checks.
 * <p>
 * The amounts stay inside what the model knows to be there (budget, allocated, disbursed), so a refusal means
 * fund-service does not know something yet (e.g. a project event still on its way: 422 unknown-project, or 409
 * project-not-closed for a recall) or a bug; refusals are counted and noted, and change nothing in the model.
 */
final class FundCommands {

    /** Projects are funded once fund-service has had time to hear of them (its replica of fupin.project.v1). */
    static final long REPLICA_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long MIN_CENTS = 100_00; // 100.00 yuan

    private final Workload w;
    private final Workload.Worker worker;
    private final Random random;
    final List<FundModel.Document> documents = new ArrayList<>();
    final List<FundModel.Voucher> vouchers = new ArrayList<>();
    private int counter;

    FundCommands(Workload w, Workload.Worker worker) {
        this.w = w;
        this.worker = worker;
        this.random = worker.random;
    }

    /** One fund command; when none applies (no project, no money yet) it enters a project or allocates instead. */
    void step() throws Exception {
        List<Workload.Project> usable = worker.myProjects.stream()
                .filter(p -> p.id != null && !p.unconfirmed && !p.fundUnconfirmed).toList();
        if (usable.isEmpty()) {
            worker.enterProject();
            return;
        }
        int r = random.nextInt(100);
        boolean done = (r < 22 && allocate(usable))
                || (r < 34 && addLines(usable))
                || (r < 58 && disburse(usable))
                || (r < 78 && reimburse(usable))
                || (r < 84 && reverse())
                || (r < 91 && adjust(usable))
                || recall(usable)
                || allocate(usable);
        if (!done) {
            worker.projectCommand(); // nothing to pay yet: move a project on
        }
    }

    // ---- the commands ----

    /** A new allocation document, usually with lines for 1–3 projects of its county, sometimes with money left unlined. */
    boolean allocate(List<Workload.Project> usable) throws Exception {
        String source = FundModel.SOURCES.get(random.nextInt(FundModel.SOURCES.size()));
        List<Workload.Project> fundable = usable.stream().filter(this::allocatable)
                .filter(p -> account(p, source).headroom() >= MIN_CENTS).collect(Collectors.toCollection(ArrayList::new));
        if (fundable.isEmpty()) {
            return false;
        }
        String county = FundModel.countyOf(fundable.get(random.nextInt(fundable.size())).village);
        List<Workload.Project> inCounty = new ArrayList<>(fundable.stream().filter(p -> FundModel.countyOf(p.village).equals(county)).toList());
        Collections.shuffle(inCounty, random);
        boolean withLines = random.nextInt(100) < 80;
        Map<Workload.Project, Long> lines = new LinkedHashMap<>();
        if (withLines) {
            for (Workload.Project p : inCounty.subList(0, Math.min(inCounty.size(), 1 + random.nextInt(3)))) {
                lines.put(p, amount(account(p, source).headroom(), 60_000_00));
            }
        }
        long lined = lines.values().stream().mapToLong(Long::longValue).sum();
        long amount = lined + (lines.isEmpty() || random.nextInt(100) < 40 ? 10_000_00 + random.nextInt(8_000_000) : 0);
        LocalDate today = LocalDate.now(Workload.CHINA);
        int n = ++counter;
        FundModel.Document doc = new FundModel.Document("黔财农〔" + today.getYear() + "〕CH" + w.seed() + "-" + worker.index + "-" + n + "号",
                county, source, amount);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentNumber", doc.number);
        body.put("date", today.toString());
        body.put("source", source);
        body.put("year", today.getYear());
        // central money comes down through the province; county money is the county's own
        body.put("issuingRegion", "central-budget".equals(source) ? "520000000000" : county);
        body.put("receivingCounty", county);
        body.put("amount", FundModel.yuan(amount));
        if (!lines.isEmpty()) {
            body.put("lines", lineBodies(lines));
        }
        Workload.Reply reply = post("/api/v1/allocation-documents", key(n), body);
        if (!outcome("allocation document " + doc.number, reply, lines.keySet())) {
            return true;
        }
        doc.id = reply.body().path("id").asText();
        doc.lined = lined;
        documents.add(doc);
        applyLines(reply.body(), source, lines);
        return true;
    }

    /** Lines added to one of this worker's documents that still has money unlined. */
    boolean addLines(List<Workload.Project> usable) throws Exception {
        List<FundModel.Document> open = documents.stream().filter(d -> d.unlined() >= MIN_CENTS).toList();
        if (open.isEmpty()) {
            return false;
        }
        FundModel.Document doc = open.get(random.nextInt(open.size()));
        List<Workload.Project> inCounty = new ArrayList<>(usable.stream().filter(this::allocatable)
                .filter(p -> FundModel.countyOf(p.village).equals(doc.county))
                .filter(p -> account(p, doc.source).headroom() >= MIN_CENTS).toList());
        if (inCounty.isEmpty()) {
            return false;
        }
        Collections.shuffle(inCounty, random);
        Map<Workload.Project, Long> lines = new LinkedHashMap<>();
        long left = doc.unlined();
        for (Workload.Project p : inCounty.subList(0, Math.min(inCounty.size(), 1 + random.nextInt(2)))) {
            long most = Math.min(left, account(p, doc.source).headroom());
            if (most < MIN_CENTS) {
                break;
            }
            long a = random.nextInt(100) < 25 ? most : amount(most, 40_000_00); // sometimes exactly what is left
            lines.put(p, a);
            left -= a;
        }
        if (lines.isEmpty()) {
            return false;
        }
        Workload.Reply reply = post("/api/v1/allocation-documents/" + doc.id + "/lines", key(++counter), Map.of("lines", lineBodies(lines)));
        if (reply.status() == 0) {
            documents.remove(doc); // its lined amount is unknown now
        }
        if (!outcome("lines of " + doc.number, reply, lines.keySet())) {
            return true;
        }
        doc.lined += lines.values().stream().mapToLong(Long::longValue).sum();
        applyLines(reply.body(), doc.source, lines);
        return true;
    }

    boolean disburse(List<Workload.Project> usable) throws Exception {
        Pick pick = pick(usable, p -> !"CANCELLED".equals(p.stage), a -> a.undisbursed() >= MIN_CENTS);
        if (pick == null) {
            return false;
        }
        long amount = random.nextInt(100) < 15 ? pick.account.undisbursed() : amount(pick.account.undisbursed(), 50_000_00);
        int n = ++counter;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", pick.project.id);
        body.put("source", pick.source);
        body.put("amount", FundModel.yuan(amount));
        body.put("paymentOrderNumber", "CHPO" + w.seed() + "-" + worker.index + "-" + n);
        body.put("date", LocalDate.now(Workload.CHINA).toString());
        Workload.Reply reply = post("/api/v1/disbursements", key(n), body);
        if (outcome("disbursement " + FundModel.yuan(amount) + " to " + pick.project.code, reply, Set.of(pick.project))) {
            pick.account.disbursed += amount;
            pick.project.fundEntries.add(reply.body().path("id").asText());
        }
        return true;
    }

    boolean reimburse(List<Workload.Project> usable) throws Exception {
        Pick pick = pick(usable, p -> true, a -> a.unreimbursed() >= MIN_CENTS);
        if (pick == null) {
            return false;
        }
        long amount = random.nextInt(100) < 15 ? pick.account.unreimbursed() : amount(pick.account.unreimbursed(), 30_000_00);
        int n = ++counter;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", pick.project.id);
        body.put("source", pick.source);
        body.put("amount", FundModel.yuan(amount));
        body.put("voucherNumber", "CHV" + w.seed() + "-" + worker.index + "-" + n); // unique per county
        body.put("date", LocalDate.now(Workload.CHINA).toString());
        body.put("expenseKind", random.nextBoolean() ? "工程款" : "材料费");
        Workload.Reply reply = post("/api/v1/reimbursements", key(n), body);
        if (outcome("reimbursement " + FundModel.yuan(amount) + " of " + pick.project.code, reply, Set.of(pick.project))) {
            pick.account.reimbursed += amount;
            String entry = reply.body().path("id").asText();
            pick.project.fundEntries.add(entry);
            vouchers.add(new FundModel.Voucher(entry, pick.project, pick.source, amount));
        }
        return true;
    }

    /** 红字冲销 of one of this worker's vouchers (approver). */
    boolean reverse() throws Exception {
        List<FundModel.Voucher> open = vouchers.stream().filter(v -> !v.reversed && !v.project.fundUnconfirmed).toList();
        if (open.isEmpty()) {
            return false;
        }
        FundModel.Voucher v = open.get(random.nextInt(open.size()));
        Map<String, Object> body = Map.of("reason", "凭证错误，红字冲销", "date", LocalDate.now(Workload.CHINA).toString());
        Workload.Reply reply = post("/api/v1/reimbursements/" + v.entryId + "/reversal", key(++counter), body);
        if (outcome("reversal of a voucher of " + v.project.code, reply, Set.of(v.project))) {
            v.reversed = true;
            account(v.project, v.source).reimbursed -= v.amount;
            v.project.fundEntries.add(reply.body().path("id").asText());
        }
        return true;
    }

    /** 资金调整: allocated, undisbursed money of one source from one project to another of the same county (approver). */
    boolean adjust(List<Workload.Project> usable) throws Exception {
        String source = FundModel.SOURCES.get(random.nextInt(FundModel.SOURCES.size()));
        List<Workload.Project> givers = usable.stream().filter(p -> account(p, source).undisbursed() >= MIN_CENTS).toList();
        if (givers.isEmpty()) {
            return false;
        }
        Workload.Project from = givers.get(random.nextInt(givers.size()));
        List<Workload.Project> takers = usable.stream().filter(p -> p != from).filter(this::allocatable)
                .filter(p -> FundModel.countyOf(p.village).equals(FundModel.countyOf(from.village)))
                .filter(p -> account(p, source).headroom() >= MIN_CENTS).toList();
        if (takers.isEmpty()) {
            return false;
        }
        Workload.Project to = takers.get(random.nextInt(takers.size()));
        long amount = amount(Math.min(account(from, source).undisbursed(), account(to, source).headroom()), 30_000_00);
        int n = ++counter;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fromProjectId", from.id);
        body.put("toProjectId", to.id);
        body.put("source", source);
        body.put("amount", FundModel.yuan(amount));
        body.put("documentNumber", "黔农调〔" + LocalDate.now(Workload.CHINA).getYear() + "〕CH" + w.seed() + "-" + worker.index + "-" + n + "号");
        body.put("documentDate", LocalDate.now(Workload.CHINA).toString());
        body.put("reason", "项目调整，资金调剂");
        Workload.Reply reply = post("/api/v1/fund-adjustments", key(n), body);
        if (outcome("adjustment " + FundModel.yuan(amount) + " " + from.code + " -> " + to.code, reply, Set.of(from, to))) {
            account(from, source).allocated -= amount;
            account(to, source).allocated += amount;
            for (JsonNode e : reply.body().path("entries")) {
                String projectId = e.path("projectId").asText();
                (projectId.equals(to.id) ? to : from).fundEntries.add(e.path("id").asText());
            }
        }
        return true;
    }

    /** 结余资金收回 of the whole balance of a completed, accepted or cancelled project (approver). */
    boolean recall(List<Workload.Project> usable) throws Exception {
        Pick pick = pick(usable, p -> Set.of("COMPLETED", "ACCEPTED", "CANCELLED").contains(p.stage), a -> a.balance() > 0);
        if (pick == null) {
            return false;
        }
        int n = ++counter;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", pick.project.id);
        body.put("source", pick.source);
        body.put("documentNumber", "黔财收〔" + LocalDate.now(Workload.CHINA).getYear() + "〕CH" + w.seed() + "-" + worker.index + "-" + n + "号");
        body.put("documentDate", LocalDate.now(Workload.CHINA).toString());
        body.put("remarks", "项目" + ("CANCELLED".equals(pick.project.stage) ? "终止" : "完工") + "，结余收回");
        Workload.Reply reply = post("/api/v1/recalls", key(n), body);
        if (outcome("recall from " + pick.project.code + " (" + pick.project.stage + ")", reply, Set.of(pick.project))) {
            pick.account.recallAll();
            pick.project.fundEntries.add(reply.body().path("id").asText());
        }
        return true;
    }

    // ---- helpers ----

    /** Allocations (and adjustments into a project) only for known, running projects fund-service has had time to hear of. */
    private boolean allocatable(Workload.Project p) {
        return !Set.of("COMPLETED", "ACCEPTED", "CANCELLED").contains(p.stage) && System.nanoTime() - p.enteredAt > REPLICA_GRACE_NANOS;
    }

    static FundModel.Account account(Workload.Project p, String source) {
        return p.funds.computeIfAbsent(source, s -> new FundModel.Account());
    }

    record Pick(Workload.Project project, String source, FundModel.Account account) {
    }

    private Pick pick(List<Workload.Project> usable, java.util.function.Predicate<Workload.Project> project,
                      java.util.function.Predicate<FundModel.Account> account) {
        List<Pick> picks = new ArrayList<>();
        for (Workload.Project p : usable) {
            if (project.test(p)) {
                for (String s : FundModel.SOURCES) {
                    FundModel.Account a = p.funds.get(s);
                    if (a != null && account.test(a)) {
                        picks.add(new Pick(p, s, a));
                    }
                }
            }
        }
        return picks.isEmpty() ? null : picks.get(random.nextInt(picks.size()));
    }

    /** A random amount with cents between 100.00 and min(most, cap) (never more than most). */
    private long amount(long most, long cap) {
        long top = Math.min(most, cap);
        if (top <= MIN_CENTS) {
            return top;
        }
        return MIN_CENTS + (long) (random.nextDouble() * (top - MIN_CENTS + 1));
    }

    private static List<Map<String, Object>> lineBodies(Map<Workload.Project, Long> lines) {
        List<Map<String, Object>> out = new ArrayList<>();
        lines.forEach((p, a) -> out.add(Map.of("projectId", p.id, "amount", FundModel.yuan(a))));
        return out;
    }

    /** The model takes the lines sent; their entry ids come from the document's lines in the answer (new ones only). */
    private static void applyLines(JsonNode document, String source, Map<Workload.Project, Long> lines) {
        for (Map.Entry<Workload.Project, Long> l : lines.entrySet()) {
            Workload.Project p = l.getKey();
            account(p, source).allocated += l.getValue();
            for (JsonNode line : document.path("lines")) {
                String entry = line.path("entryId").asText("");
                if (line.path("projectId").asText().equals(p.id) && !entry.isEmpty()) {
                    p.fundEntries.add(entry);
                }
            }
        }
    }

    private String key(int n) {
        return "chaos-fund-" + w.seed() + "-" + worker.index + "-" + n;
    }

    /** A POST with its Idempotency-Key, resent with the same key and body until answered (Workload#send). */
    private Workload.Reply post(String path, String key, Object body) throws Exception {
        String payload = w.json().writeValueAsString(body);
        return w.send(() -> HttpRequest.newBuilder(w.fundUri(path)).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload)));
    }

    /** true when acknowledged (201/200 with a body); an unanswered command takes its projects out of the model checks. */
    private boolean outcome(String what, Workload.Reply reply, java.util.Collection<Workload.Project> involved) {
        if (reply.status() == 0) {
            involved.forEach(p -> p.fundUnconfirmed = true);
            w.unconfirmed.incrementAndGet();
            w.fundCommandsUnconfirmed.incrementAndGet();
            w.note("unconfirmed: fund " + what);
            return false;
        }
        if ((reply.status() == 201 || reply.status() == 200) && reply.body() != null) {
            worker.acknowledge(reply);
            w.fundCommandsAcknowledged.incrementAndGet();
            return true;
        }
        w.fundCommandsRefused.incrementAndGet();
        worker.refuse("fund " + what + (reply.retried() ? " (after a retry)" : ""), reply);
        return false;
    }
}
