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
import org.fupin.household.repository.HouseholdRepository;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.pii.PersonalDataProtector;
import org.fupin.platform.money.Money;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        region.requireWritable(request.regionCode(), "regionCode");
        validate(request);
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
        Household h = new Household();
        h.id = UUID.randomUUID();
        h.householdCode = request.householdCode() != null ? request.householdCode() : households.nextHouseholdCode(request.regionCode());
        h.regionCode = request.regionCode();
        h.origin = identificationYear != null ? "IMPORT" : (request.origin() == null ? "APPLICATION" : request.origin());
        h.omissionCorrection = Boolean.TRUE.equals(request.omissionCorrection());
        h.version = 1;
        h.createdAt = h.updatedAt = OffsetDateTime.now();
        h.createdBy = h.updatedBy = audit.actor();
        applyData(h, request);
        HouseholdLifecycle lifecycle = h.lifecycle();
        Change entered = identificationYear != null ? lifecycle.importRegistered(identificationYear, today) : lifecycle.apply(today);
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
        applyData(h, request);
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
    private void applyData(Household h, HouseholdData r) {
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
            households.activeMembershipOf(hash, h.id).ifPresent(other -> {
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
