package org.fupin.household.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.fupin.household.config.HouseholdConfig;
import org.fupin.household.domain.BusinessDate;
import org.fupin.household.domain.Change;
import org.fupin.household.domain.HouseholdFilter;
import org.fupin.household.domain.HouseholdLifecycle;
import org.fupin.household.domain.Income;
import org.fupin.household.domain.MemberAttributes;
import org.fupin.household.domain.MemberRules;
import org.fupin.household.domain.PovertyCause;
import org.fupin.household.domain.RegionRules;
import org.fupin.household.domain.ResidentIdNumber;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.HouseholdHistoryRepository;
import org.fupin.household.repository.HouseholdMember;
import org.fupin.household.repository.HouseholdBulkRepository;
import org.fupin.household.repository.HouseholdRepository;
import org.fupin.household.repository.Membership;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.pii.PersonalDataProtector;
import org.fupin.platform.money.Money;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.platform.usecase.ChangeRecorder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Applications, imports, updates and reads of households (一户一档). */
@ApplicationScoped
public class HouseholdService {

    @Inject
    HouseholdRepository households;
    @Inject
    HouseholdHistoryRepository history;
    @Inject
    HouseholdLoader loader;
    @Inject
    HouseholdChanges changes;
    @Inject
    HouseholdViews views;
    @Inject
    PersistenceConflicts conflicts;
    @Inject
    AuditTrail audit;
    @Inject
    Idempotency idempotency;
    @Inject
    RegionScope region;
    @Inject
    PersonalDataProtector pii;
    @Inject
    HouseholdConfig config;
    @Inject
    MonitoringService monitoring;
    @Inject
    HouseholdBulkRepository bulk;
    @Inject
    ChangeRecorder recorder;

    private static final java.util.regex.Pattern RESIDENT_ID = java.util.regex.Pattern.compile("\"residentId\":\"([0-9Xx]+)\"");

    /** 农户申请 / 村推荐: a new household enters the workflow in state APPLIED. */
    @Transactional
    public HouseholdDetails apply(HouseholdData request, String idempotencyKey) {
        return views.details(create(request, null, idempotencyKey, "household.apply"));
    }

    /** A household already registered in a provincial system: enters the registry directly. */
    @Transactional
    public HouseholdDetails importRegistered(HouseholdData request, int identificationYear, String idempotencyKey) {
        return views.details(create(request, identificationYear, idempotencyKey, "household.import"));
    }

    /** The same for a bulk-import row: returns only the id (no view to build). */
    @Transactional
    public UUID importRow(HouseholdData request, int identificationYear) {
        return create(request, identificationYear, null, "household.import").id;
    }

    private Household create(HouseholdData request, Integer identificationYear, String idempotencyKey, String operation) {
        check(request);
        // the request as canonical JSON (key order does not matter), ID numbers replaced by their keyed hash: nothing
        // personal is stored with the key
        String fingerprint = RESIDENT_ID.matcher(idempotency.canonicalJson(request))
                .replaceAll(m -> "\"residentId\":\"" + pii.hash(m.group(1)) + "\"") + "|" + identificationYear;
        var earlier = idempotency.reserve(idempotencyKey, operation, fingerprint);
        if (earlier.isPresent()) {
            // a replay answers with the resource only if the caller may read it now (else 404, as for any unreadable one)
            return loader.forRead(UUID.fromString(earlier.get()));
        }
        LocalDate today = BusinessDate.today();
        String code = request.householdCode() != null ? request.householdCode() : households.nextHouseholdCode(request.regionCode());
        Household h = newHousehold(request, code, identificationYear, this::otherHousehold);
        HouseholdLifecycle lifecycle = h.lifecycle();
        Change entered = enter(lifecycle, identificationYear, today);
        h.apply(lifecycle);
        try {
            households.persistAndFlush(h);
        } catch (PersistenceException e) {
            throw conflicts.translate(e, h);
        }
        changes.saveNew(h, lifecycle, entered);
        monitoring.evaluate(h, today);
        idempotency.complete(idempotencyKey, operation, h.id.toString());
        return h;
    }

    /** The rules every new household passes first, wherever it comes from: the caller's region, then the fields. */
    private void check(HouseholdData request) {
        region.requireWritable(request.regionCode(), "regionCode");
        validate(request);
    }

    /** A new household with the registry data, not stored yet; {@code others} refuses a person of another household. */
    private Household newHousehold(HouseholdData request, String code, Integer identificationYear, OtherHouseholds others) {
        Household h = new Household();
        h.id = UUID.randomUUID();
        h.householdCode = code;
        h.regionCode = request.regionCode();
        h.origin = identificationYear != null ? "IMPORT" : (request.origin() == null ? "APPLICATION" : request.origin());
        h.omissionCorrection = Boolean.TRUE.equals(request.omissionCorrection());
        h.version = 1;
        h.createdAt = h.updatedAt = OffsetDateTime.now();
        h.createdBy = h.updatedBy = audit.actor();
        applyData(h, request, others);
        return h;
    }

    /** The domain's decision that enters a new household: imported as registered, or applying. */
    private static Change enter(HouseholdLifecycle lifecycle, Integer identificationYear, LocalDate today) {
        return identificationYear != null ? lifecycle.importRegistered(identificationYear, today) : lifecycle.apply(today);
    }

    /** Where a person already belongs, for the one-person-one-household rule (数据比对). */
    @FunctionalInterface
    private interface OtherHouseholds {
        /** The other household the person with this ID hash belongs to, if any ({@code self}: the household being saved). */
        Optional<Membership> of(String idHash, UUID self);
    }

    private Optional<Membership> otherHousehold(String idHash, UUID self) {
        return households.activeMembershipOf(idHash, self);
    }

    /** A row of a bulk-import chunk: what was read, and what became of it. */
    public static final class ChunkRow {
        final HouseholdData data;
        final int identificationYear;
        UUID householdId;
        RuntimeException refusal;

        public ChunkRow(HouseholdData data, int identificationYear) {
            this.data = data;
            this.identificationYear = identificationYear;
        }

        /** The household it imported, or null when refused. */
        public UUID householdId() {
            return householdId;
        }

        /** Why it was refused (as {@link #importRow} would have thrown it), or null when imported. */
        public RuntimeException refusal() {
            return refusal;
        }
    }

    /**
     * Imports a chunk of bulk-import rows in the caller's transaction, with the same rules as {@link #importRow} for each:
     * every row is decided in the domain first (region, fields, one person one household, household code, the import
     * itself and monitoring); a refused row gets its refusal and changes nothing; the others are stored together in
     * JDBC batches with their history, events and audit lines. The person and code checks look at the database once for
     * the whole chunk and at the rows of the chunk before each row. A household committed by a concurrent transaction
     * after that look makes the insert fail at the unique index: the caller rolls back and runs the chunk again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void importChunk(List<ChunkRow> rows) {
        LocalDate today = BusinessDate.today();
        // 1. the rules of each row alone; the ID hashes and codes of those that pass
        Map<ChunkRow, List<String>> hashes = new LinkedHashMap<>();
        for (ChunkRow row : rows) {
            try {
                check(row.data);
                List<String> own = new ArrayList<>();
                for (HouseholdData.Member m : row.data.members()) {
                    own.add(pii.hash(ResidentIdNumber.parse(m.residentId(), today).value()));
                }
                hashes.put(row, own);
            } catch (RuntimeException e) {
                row.refusal = refused(e);
            }
        }
        // 2. what the database holds already: one query for the persons, one for the codes, one for new codes
        Map<String, Membership> registered = households.activeMemberships(hashes.values().stream().flatMap(List::stream).toList());
        Set<String> codesTaken = new HashSet<>(households.existingCodes(hashes.keySet().stream()
                .map(r -> r.data.householdCode()).filter(java.util.Objects::nonNull).toList()));
        java.util.Iterator<Long> newCodes = households.nextHouseholdCodes(
                (int) hashes.keySet().stream().filter(r -> r.data.householdCode() == null).count()).iterator();
        // 3. each row in order, against the database and the rows before it
        HouseholdChanges.Pending pending = new HouseholdChanges.Pending();
        Map<String, Membership> chunkMembers = new HashMap<>();
        for (Map.Entry<ChunkRow, List<String>> entry : hashes.entrySet()) {
            ChunkRow row = entry.getKey();
            HouseholdData request = row.data;
            String code = request.householdCode() != null ? request.householdCode()
                    : households.householdCode(request.regionCode(), newCodes.next());
            try {
                if (codesTaken.contains(code)) {
                    throw conflicts.codeTaken(code);
                }
                Household h = newHousehold(request, code, row.identificationYear, (hash, self) -> {
                    Membership m = registered.get(hash);
                    return Optional.ofNullable(m != null ? m : chunkMembers.get(hash));
                });
                HouseholdLifecycle lifecycle = h.lifecycle();
                Change entered = enter(lifecycle, row.identificationYear, today);
                h.apply(lifecycle);
                changes.saveNew(h, lifecycle, entered, pending);
                monitoring.evaluate(h, today, pending);
                pending.add(h);
                row.householdId = h.id;
                codesTaken.add(code);
                Membership own = new Membership(h.householdCode, h.regionCode);
                entry.getValue().forEach(hash -> chunkMembers.put(hash, own));
            } catch (RuntimeException e) {
                row.refusal = refused(e);
            }
        }
        // 4. the imported households with their members, income items and history, then their events and audit lines
        bulk.insert(pending.households(), pending.lines());
        recorder.recordAll(pending.changes());
    }

    /** A row's refusal; a failure of the database is not one and fails the whole chunk. */
    private static RuntimeException refused(RuntimeException e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PersistenceException || c instanceof java.sql.SQLException) {
                throw e;
            }
        }
        return e;
    }

    /** Registry data after an investigation or a change in the family; the region does not change. */
    @Transactional
    public HouseholdDetails update(UUID id, HouseholdData request, String ifMatch) {
        Household h = loader.forChange(id, ifMatch);
        Refusals.decide(() -> {
            h.lifecycle().requireUpdatable();
            return h;
        });
        if (!h.regionCode.equals(request.regionCode())) {
            throw ApiProblem.validation("regionCode", "a household does not move; register it in the new village instead");
        }
        validate(request);
        applyData(h, request, this::otherHousehold);
        try {
            households.flush();
        } catch (PersistenceException e) {
            throw conflicts.translate(e, h);
        }
        LocalDate today = BusinessDate.today();
        HouseholdLifecycle lifecycle = h.lifecycle();
        Change updated = Refusals.decide(() -> lifecycle.updated(today));
        changes.save(h, lifecycle, updated);
        monitoring.evaluate(h, today);
        return views.details(h);
    }

    @Transactional
    public HouseholdDetails get(UUID id) {
        return views.details(loader.forRead(id));
    }

    @Transactional
    public HouseholdDetails getByCode(String code) {
        return views.details(loader.byCode(code));
    }

    @Transactional
    public List<HistoryLine> history(UUID id) {
        Household h = loader.forRead(id);
        return history.of(h.id).stream().map(views::historyLine).toList();
    }

    private static final Map<String, String> SORTABLE = Map.of("householdCode", "householdCode", "regionCode", "regionCode",
            "createdAt", "createdAt", "updatedAt", "updatedAt", "memberCount", "memberCount", "identificationYear", "identificationYear");

    @Transactional
    public ResultPage<HouseholdListItem> list(HouseholdFilter requested, String sort, int page, int size) {
        String prefix = region.queryPrefix(requested.regionPrefix(), "region");
        HouseholdFilter f = new HouseholdFilter(prefix, requested.state(), requested.type(), requested.cause(),
                requested.identificationYear(), requested.exitYear(), requested.monitored(), requested.withoutCadre());
        var query = households.search(f, sortOf(sort)).page(page, size);
        return new ResultPage<>(query.list().stream().map(views::listItem).toList(), page, size, query.count());
    }

    private static Sort sortOf(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("regionCode").and("householdCode");
        }
        boolean desc = sort.startsWith("-");
        String field = SORTABLE.get(desc ? sort.substring(1) : sort);
        if (field == null) {
            throw ApiProblem.validation("sort", "one of " + new TreeSet<>(SORTABLE.keySet()) + ", '-' in front for descending");
        }
        return Sort.by(field, desc ? Sort.Direction.Descending : Sort.Direction.Ascending).and("householdCode");
    }

    /** Field rules beyond annotations: village code, one head, ID numbers agreeing with birth date and sex, no duplicates. */
    private void validate(HouseholdData r) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        RegionRules.villageProblem(r.regionCode()).ifPresent(p -> errors.add(new ApiProblem.FieldError("regionCode", p)));
        if (r.members().size() > config.maxMembers()) {
            errors.add(new ApiProblem.FieldError("members", "at most " + config.maxMembers() + " members"));
        }
        long heads = r.members().stream().filter(m -> m.relation() == MemberAttributes.Relation.HEAD).count();
        if (heads != 1) {
            errors.add(new ApiProblem.FieldError("members", "exactly one member must have relation HEAD (户主), found " + heads));
        }
        Set<String> seen = new HashSet<>();
        LocalDate today = BusinessDate.today();
        for (int i = 0; i < r.members().size(); i++) {
            HouseholdData.Member m = r.members().get(i);
            String prefix = "members[" + i + "].";
            for (MemberRules.Problem p : MemberRules.check(prefix, m.residentId(), m.birthDate(), m.sex(), today)) {
                errors.add(new ApiProblem.FieldError(p.field(), p.message()));
            }
            if (m.residentId() != null && !seen.add(m.residentId().toUpperCase())) {
                errors.add(new ApiProblem.FieldError(prefix + "residentId", "the same person is listed twice"));
            }
        }
        r.incomeItems().forEach((kind, amount) -> {
            if (amount.isNegative()) {
                errors.add(new ApiProblem.FieldError("incomeItems." + kind, "must be 0 or more"));
            }
        });
        if (r.incomeItems().values().stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(Money.MAX.amount()) > 0) {
            errors.add(new ApiProblem.FieldError("incomeItems", "the total must be at most " + Money.MAX)); // net_income numeric(14,2)
        }
        if (r.otherCauses() != null && r.otherCauses().contains(r.mainCause())) {
            errors.add(new ApiProblem.FieldError("otherCauses", "must not repeat the main cause"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }

    /** Copies the registry data onto the household; members are matched by person so unchanged members keep their rows. */
    private void applyData(Household h, HouseholdData r, OtherHouseholds others) {
        h.householdType = r.householdType();
        h.mainCause = r.mainCause().name();
        h.otherCauses = r.otherCauses() == null ? "" : r.otherCauses().stream().map(PovertyCause::name).distinct().collect(Collectors.joining(","));
        h.incomeYear = r.incomeYear();
        h.incomeItems.clear();
        r.incomeItems().forEach((k, v) -> h.incomeItems.put(k, v.amount()));
        h.netIncome = Income.netIncome(new ArrayList<BigDecimal>(h.incomeItems.values()));

        LocalDate today = BusinessDate.today();
        Map<String, HouseholdMember> existing = new HashMap<>();
        h.members.forEach(m -> existing.put(m.idHash, m));
        List<HouseholdMember> next = new ArrayList<>();
        for (int i = 0; i < r.members().size(); i++) {
            HouseholdData.Member req = r.members().get(i);
            ResidentIdNumber id = ResidentIdNumber.parse(req.residentId(), today);
            String hash = pii.hash(id.value());
            String field = "members[" + next.size() + "].residentId";
            others.of(hash, h.id).ifPresent(other -> {
                throw conflicts.personInAnotherHousehold(field, java.util.Optional.of(other));
            });
            HouseholdMember m = existing.remove(hash);
            if (m == null) {
                m = new HouseholdMember();
                m.id = UUID.randomUUID();
                m.household = h;
                m.idHash = hash;
                m.idEncrypted = pii.encrypt(id.value());
                m.idMasked = id.masked();
                m.personId = pii.hash("person:" + id.value()).substring(0, 32);
                m.active = true;
            }
            m.position = i;
            m.name = req.name().trim();
            m.relation = req.relation();
            m.sex = req.sex();
            m.birthDate = req.birthDate();
            m.health = req.health();
            m.disability = req.disability();
            m.labourAbility = req.labourAbility();
            m.education = req.education();
            m.schoolingStatus = req.schoolingStatus();
            m.migrantWork = req.migrantWork();
            next.add(m);
        }
        h.members.retainAll(next);
        for (HouseholdMember m : next) {
            if (!h.members.contains(m)) {
                h.members.add(m);
            }
        }
        h.members.sort(Comparator.comparingInt(m -> m.position));
        h.memberCount = next.size();
        HouseholdMember head = h.members.stream().filter(m -> m.relation == MemberAttributes.Relation.HEAD).findFirst().orElseThrow();
        h.headName = head.name;
        h.headIdHash = head.idHash;
        h.headIdEncrypted = head.idEncrypted;
        h.headIdMasked = head.idMasked;
    }
}
