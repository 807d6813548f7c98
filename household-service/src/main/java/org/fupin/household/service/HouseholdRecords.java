package org.fupin.household.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.fupin.household.config.HouseholdConfig;
import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.Income;
import org.fupin.household.domain.RegistrationWorkflow;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.HouseholdHistory;
import org.fupin.household.repository.HouseholdMember;
import org.fupin.household.repository.HouseholdRepository;
import org.fupin.household.rest.HouseholdSummary;
import org.fupin.household.rest.HouseholdView;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.http.ETags;
import org.fupin.platform.money.Money;
import org.fupin.platform.pii.PersonalDataProtector;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.platform.security.Roles;
import org.hibernate.exception.ConstraintViolationException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What every household change shares: loading under lock and region check, version, history, audit, views. */
@ApplicationScoped
public class HouseholdRecords {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    HouseholdRepository households;
    @Inject
    AuditTrail audit;
    @Inject
    RegionScope region;
    @Inject
    PersonalDataProtector pii;
    @Inject
    SecurityIdentity identity;
    @Inject
    HouseholdConfig config;

    public LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** A date given for a step: default today, never in the future. */
    public LocalDate dateOrToday(LocalDate date, String field) {
        LocalDate today = today();
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw ApiProblem.validation(field, "must not be in the future");
        }
        return date;
    }

    /** Loads a household to change it: locked, inside the caller's region, at the version the caller read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Household loadForChange(UUID id, String ifMatch) {
        Household h = households.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("household", id));
        region.requireReadable(h.regionCode, "household", id);
        region.requireWritable(h.regionCode, "regionCode");
        ETags.requireMatch(ifMatch, h.version);
        return h;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Household loadForRead(UUID id) {
        Household h = households.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("household", id));
        region.requireReadable(h.regionCode, "household", id);
        return h;
    }

    public void requireWritable(Household h) {
        region.requireWritable(h.regionCode, "regionCode");
    }

    /** Bumps the version and writes history and audit for a change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Household h, String action, HouseholdState from, LocalDate date, String remarks) {
        h.version++;
        h.updatedAt = OffsetDateTime.now();
        h.updatedBy = audit.actor();
        history(h, action, from, date, remarks);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void history(Household h, String action, HouseholdState from, LocalDate date, String remarks) {
        HouseholdHistory e = new HouseholdHistory();
        e.householdId = h.id;
        e.at = OffsetDateTime.now();
        e.actor = audit.actor();
        e.action = action;
        e.fromState = from == null ? null : from.name();
        e.toState = h.state.name();
        e.stepDate = date;
        e.remarks = remarks;
        e.persist();
        audit.record("household." + action, "household", h.id.toString(), h.regionCode,
                (from == null ? "" : from + " -> ") + h.state + (remarks == null ? "" : "; " + remarks));
    }

    public ApiProblem refused(RegistrationWorkflow.Refused r) {
        return ApiProblem.conflict(r.getMessage()).with("currentState", r.current()).with("allowedSteps", r.allowed())
                .withField("step");
    }

    public ApiProblem notInState(Household h, String action, HouseholdState... allowed) {
        return ApiProblem.conflict("Cannot " + action + " a household in state " + h.state + "; allowed in " + Arrays.toString(allowed) + ".")
                .with("currentState", h.state).with("allowedStates", List.of(allowed));
    }

    public ApiProblem onePersonOneHousehold(String field, String otherCode) {
        return ApiProblem.conflict("This person already belongs to household " + otherCode + " (one person, one household / 数据比对).")
                .with("conflictingHouseholdCode", otherCode).withField(field);
    }

    /** A concurrent change lost the race at the unique index: answer as if the check had caught it. */
    public RuntimeException translate(PersistenceException e, Household h) {
        Throwable c = e;
        while (c != null && !(c instanceof ConstraintViolationException)) {
            c = c.getCause();
        }
        if (c instanceof ConstraintViolationException cve) {
            String constraint = String.valueOf(cve.getConstraintName());
            if (constraint.contains("household_member_one_household")) {
                List<String> hashes = h.members.stream().map(m -> m.idHash).toList();
                UUID self = h.id;
                // this transaction is aborted; look the other household up in a fresh one
                String other = QuarkusTransaction.requiringNew().call(() -> hashes.stream()
                        .map(x -> households.householdCodeOfActivePerson(x, self)).flatMap(java.util.Optional::stream)
                        .findFirst().orElse("(being registered)"));
                return onePersonOneHousehold("members", other);
            }
            if (constraint.contains("household_code")) {
                return ApiProblem.conflict("Household code " + h.householdCode + " is already taken.").withField("householdCode");
            }
        }
        return e;
    }

    public List<String> personIds(Household h) {
        return h.members.stream().map(m -> m.personId).sorted().toList();
    }

    public java.util.Optional<java.math.BigDecimal> perCapita(Household h) {
        return h.netIncome == null ? java.util.Optional.empty() : Income.perCapita(h.netIncome, h.memberCount);
    }

    private boolean unmasked() {
        return identity.hasRole(Roles.PII_VIEWER);
    }

    /** The full view; an unmasked read (pii-viewer) is audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public HouseholdView view(Household h) {
        boolean clear = unmasked();
        if (clear) {
            audit.record("household.pii-read", "household", h.id.toString(), h.regionCode, "residentId");
        }
        List<HouseholdView.Member> members = h.members.stream().map(m -> new HouseholdView.Member(m.name,
                clear ? pii.decrypt(m.idEncrypted) : m.idMasked, m.relation, m.sex, m.birthDate, m.health, m.disability,
                m.labourAbility, m.education, m.schoolingStatus, m.migrantWork)).toList();
        Map<Income.Kind, Money> items = new EnumMap<>(Income.Kind.class);
        h.incomeItems.forEach((k, v) -> items.put(k, new Money(v)));
        return new HouseholdView(h.id, h.householdCode, h.regionCode, h.state, RegistrationWorkflow.allowedSteps(h.state),
                h.householdType, h.mainCause, split(h.otherCauses), h.origin, h.omissionCorrection, h.identificationYear,
                h.exitYear, h.removalReason, h.noticeStartedOn, h.headName, clear ? pii.decrypt(h.headIdEncrypted) : h.headIdMasked,
                h.memberCount, members, h.incomeYear, items, h.netIncome == null ? null : new Money(h.netIncome),
                perCapita(h).map(Money::new).orElse(null), h.monitored, h.monitoredSince, split(h.monitoringReasons),
                h.cadreId == null ? null : new HouseholdView.Cadre(h.cadreId, h.cadreName, h.cadrePhone, h.cadreAssignedOn),
                h.version, h.createdAt, h.createdBy, h.updatedAt, h.updatedBy);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public HouseholdSummary summary(Household h) {
        boolean clear = unmasked();
        if (clear) {
            audit.record("household.pii-read", "household", h.id.toString(), h.regionCode, "headResidentId");
        }
        return new HouseholdSummary(h.id, h.householdCode, h.regionCode, h.state, h.householdType, h.headName,
                clear ? pii.decrypt(h.headIdEncrypted) : h.headIdMasked, h.memberCount, h.identificationYear, h.exitYear,
                h.monitored, h.cadreId, h.version);
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    HouseholdMember head(Household h) {
        return h.members.stream().filter(m -> m.relation == org.fupin.household.domain.MemberAttributes.Relation.HEAD)
                .findFirst().orElseThrow();
    }
}
