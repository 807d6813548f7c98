package org.fupin.household.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.contracts.household.HouseholdWorkflowStepTakenV1;
import org.fupin.household.config.HouseholdConfig;
import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.Income;
import org.fupin.household.domain.MemberAttributes;
import org.fupin.household.domain.MemberRules;
import org.fupin.household.domain.PovertyCause;
import org.fupin.household.domain.RegionRules;
import org.fupin.household.domain.ResidentIdNumber;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.HouseholdMember;
import org.fupin.household.repository.HouseholdRepository;
import org.fupin.household.domain.HouseholdFilter;
import org.fupin.household.rest.HistoryEntry;
import org.fupin.household.rest.HouseholdRequest;
import org.fupin.household.rest.HouseholdSummary;
import org.fupin.household.rest.HouseholdView;
import org.fupin.household.rest.MemberRequest;
import org.fupin.household.rest.Page;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.pii.PersonalDataProtector;
import org.fupin.platform.money.Money;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Applications, imports, updates and reads of households (一户一档). */
@ApplicationScoped
public class HouseholdService {

    @Inject
    HouseholdRepository households;
    @Inject
    HouseholdRecords records;
    @Inject
    Outbox outbox;
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

    private static final java.util.regex.Pattern RESIDENT_ID = java.util.regex.Pattern.compile("\"residentId\":\"([0-9Xx]+)\"");

    /** 农户申请 / 村推荐: a new household enters the workflow in state APPLIED. */
    @Transactional
    public HouseholdView apply(HouseholdRequest request, String idempotencyKey) {
        return records.view(create(request, null, idempotencyKey, "household.apply"));
    }

    /** A household already registered in a provincial system: enters the registry directly. */
    @Transactional
    public HouseholdView importRegistered(HouseholdRequest request, int identificationYear, String idempotencyKey) {
        return records.view(create(request, identificationYear, idempotencyKey, "household.import"));
    }

    /** The same for a bulk-import row: returns only the id (no view to build). */
    @Transactional
    public UUID importRow(HouseholdRequest request, int identificationYear) {
        return create(request, identificationYear, null, "household.import").id;
    }

    private Household create(HouseholdRequest request, Integer identificationYear, String idempotencyKey, String operation) {
        region.requireWritable(request.regionCode(), "regionCode");
        validate(request);
        // the request as canonical JSON (key order does not matter), ID numbers replaced by their keyed hash: nothing
        // personal is stored with the key
        String fingerprint = RESIDENT_ID.matcher(idempotency.canonicalJson(request))
                .replaceAll(m -> "\"residentId\":\"" + pii.hash(m.group(1)) + "\"") + "|" + identificationYear;
        var earlier = idempotency.reserve(idempotencyKey, operation, fingerprint);
        if (earlier.isPresent()) {
            return households.findById(UUID.fromString(earlier.get()));
        }
        Household h = new Household();
        h.id = UUID.randomUUID();
        h.householdCode = request.householdCode() != null ? request.householdCode() : households.nextHouseholdCode(request.regionCode());
        h.regionCode = request.regionCode();
        h.origin = identificationYear != null ? "IMPORT" : (request.origin() == null ? "APPLICATION" : request.origin());
        h.omissionCorrection = Boolean.TRUE.equals(request.omissionCorrection());
        h.state = identificationYear != null ? HouseholdState.REGISTERED : HouseholdState.APPLIED;
        h.identificationYear = identificationYear;
        h.lastStepOn = identificationYear != null ? records.today() : null; // paper records: the first step may be dated back
        h.version = 1;
        h.createdAt = h.updatedAt = OffsetDateTime.now();
        h.createdBy = h.updatedBy = audit.actor();
        applyData(h, request);
        try {
            households.persistAndFlush(h);
        } catch (PersistenceException e) {
            throw records.translate(e, h);
        }
        records.history(h, identificationYear != null ? "imported" : "applied", null, records.today(), null);
        if (identificationYear != null) {
            outbox.append(h.id.toString(), h.version, h.regionCode, registeredEvent(h));
            monitoring.evaluate(h, records.today());
        } else {
            outbox.append(h.id.toString(), h.version, h.regionCode, new HouseholdWorkflowStepTakenV1(h.id.toString(), h.regionCode,
                    "APPLIED", null, h.state.name(), h.createdAt.toInstant()));
        }
        idempotency.complete(idempotencyKey, operation, h.id.toString());
        return h;
    }

    HouseholdRegisteredV1 registeredEvent(Household h) {
        return new HouseholdRegisteredV1(h.id.toString(), h.householdCode, h.regionCode, h.memberCount, h.identificationYear,
                h.householdType.name(), records.personIds(h), OffsetDateTime.now().toInstant());
    }

    /** Registry data after an investigation or a change in the family; the region does not change. */
    @Transactional
    public HouseholdView update(UUID id, HouseholdRequest request, String ifMatch) {
        Household h = records.loadForChange(id, ifMatch);
        if (h.state == HouseholdState.REMOVED) {
            throw records.notInState(h, "update", HouseholdState.values());
        }
        if (!h.regionCode.equals(request.regionCode())) {
            throw ApiProblem.validation("regionCode", "a household does not move; register it in the new village instead");
        }
        validate(request);
        applyData(h, request);
        try {
            households.flush();
        } catch (PersistenceException e) {
            throw records.translate(e, h);
        }
        records.changed(h, "updated", h.state, records.today(), null);
        outbox.append(h.id.toString(), h.version, h.regionCode, new HouseholdUpdatedV1(h.id.toString(), h.regionCode, h.memberCount,
                h.householdType.name(), records.personIds(h)));
        if (h.state.isInRegistry()) {
            monitoring.evaluate(h, records.today());
        }
        return records.view(h);
    }

    @Transactional
    public HouseholdView get(UUID id) {
        return records.view(records.loadForRead(id));
    }

    @Transactional
    public HouseholdView getByCode(String code) {
        Household h = households.findByCode(code).orElseThrow(() -> ApiProblem.notFound("household", code));
        region.requireReadable(h.regionCode, "household", code);
        return records.view(h);
    }

    @Transactional
    public List<HistoryEntry> history(UUID id) {
        Household h = records.loadForRead(id);
        return households.history(h.id).stream()
                .map(e -> new HistoryEntry(e.seq, e.at, e.actor, e.action, e.fromState, e.toState, e.stepDate, e.remarks)).toList();
    }

    private static final Map<String, String> SORTABLE = Map.of("householdCode", "householdCode", "regionCode", "regionCode",
            "createdAt", "createdAt", "updatedAt", "updatedAt", "memberCount", "memberCount", "identificationYear", "identificationYear");

    @Transactional
    public Page<HouseholdSummary> list(HouseholdFilter requested, String sort, int page, int size) {
        String prefix = region.queryPrefix(requested.regionPrefix(), "region");
        HouseholdFilter f = new HouseholdFilter(prefix, requested.state(), requested.type(), requested.cause(),
                requested.identificationYear(), requested.exitYear(), requested.monitored(), requested.withoutCadre());
        var query = households.search(f, sortOf(sort)).page(page, size);
        return new Page<>(query.list().stream().map(records::summary).toList(), page, size, query.count());
    }

    private static Sort sortOf(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("regionCode").and("householdCode");
        }
        boolean desc = sort.startsWith("-");
        String field = SORTABLE.get(desc ? sort.substring(1) : sort);
        if (field == null) {
            throw ApiProblem.validation("sort", "one of " + new java.util.TreeSet<>(SORTABLE.keySet()) + ", '-' in front for descending");
        }
        return Sort.by(field, desc ? Sort.Direction.Descending : Sort.Direction.Ascending).and("householdCode");
    }

    /** Field rules beyond annotations: village code, one head, ID numbers agreeing with birth date and sex, no duplicates. */
    private void validate(HouseholdRequest r) {
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
        for (int i = 0; i < r.members().size(); i++) {
            MemberRequest m = r.members().get(i);
            String prefix = "members[" + i + "].";
            for (MemberRules.Problem p : MemberRules.check(prefix, m.residentId(), m.birthDate(), m.sex(), records.today())) {
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

    /** Copies the request onto the household; members are matched by person so unchanged members keep their rows. */
    private void applyData(Household h, HouseholdRequest r) {
        h.householdType = r.householdType();
        h.mainCause = r.mainCause().name();
        h.otherCauses = r.otherCauses() == null ? "" : r.otherCauses().stream().map(PovertyCause::name).distinct().collect(Collectors.joining(","));
        h.incomeYear = r.incomeYear();
        h.incomeItems.clear();
        r.incomeItems().forEach((k, v) -> h.incomeItems.put(k, v.amount()));
        h.netIncome = Income.netIncome(new ArrayList<BigDecimal>(h.incomeItems.values()));

        Map<String, HouseholdMember> existing = new HashMap<>();
        h.members.forEach(m -> existing.put(m.idHash, m));
        List<HouseholdMember> next = new ArrayList<>();
        for (int i = 0; i < r.members().size(); i++) {
            MemberRequest req = r.members().get(i);
            ResidentIdNumber id = ResidentIdNumber.parse(req.residentId(), records.today());
            String hash = pii.hash(id.value());
            households.householdCodeOfActivePerson(hash, h.id).ifPresent(other -> {
                throw records.onePersonOneHousehold("members[" + next.size() + "].residentId", other);
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
        h.members.sort(java.util.Comparator.comparingInt(m -> m.position));
        h.memberCount = next.size();
        HouseholdMember head = records.head(h);
        h.headName = head.name;
        h.headIdHash = head.idHash;
        h.headIdEncrypted = head.idEncrypted;
        h.headIdMasked = head.idMasked;
    }
}
