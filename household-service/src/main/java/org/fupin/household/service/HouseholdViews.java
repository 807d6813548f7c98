package org.fupin.household.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.household.domain.Income;
import org.fupin.household.domain.RegistrationWorkflow;
import org.fupin.household.repository.AssistanceMeasure;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.HouseholdHistory;
import org.fupin.household.repository.VisitLog;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.money.Money;
import org.fupin.platform.pii.PersonalDataProtector;
import org.fupin.platform.security.Roles;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the service returns about a household: resident ID numbers masked unless the caller is a pii-viewer (audited). */
@ApplicationScoped
public class HouseholdViews {

    @Inject
    AuditTrail audit;
    @Inject
    PersonalDataProtector pii;
    @Inject
    SecurityIdentity identity;

    private boolean unmasked() {
        return identity.hasRole(Roles.PII_VIEWER);
    }

    /** The full view; an unmasked read (pii-viewer) is audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public HouseholdDetails details(Household h) {
        boolean clear = unmasked();
        if (clear) {
            audit.record("household.pii-read", "household", h.id.toString(), h.regionCode, "residentId");
        }
        List<HouseholdDetails.Member> members = h.members.stream().map(m -> new HouseholdDetails.Member(m.name,
                clear ? pii.decrypt(m.idEncrypted) : m.idMasked, m.relation, m.sex, m.birthDate, m.health, m.disability,
                m.labourAbility, m.education, m.schoolingStatus, m.migrantWork)).toList();
        Map<Income.Kind, Money> items = new EnumMap<>(Income.Kind.class);
        h.incomeItems.forEach((k, v) -> items.put(k, new Money(v)));
        return new HouseholdDetails(h.id, h.householdCode, h.regionCode, h.state, RegistrationWorkflow.allowedSteps(h.state),
                h.householdType, h.mainCause, split(h.otherCauses), h.origin, h.omissionCorrection, h.identificationYear,
                h.exitYear, h.removalReason, h.noticeStartedOn, h.headName, clear ? pii.decrypt(h.headIdEncrypted) : h.headIdMasked,
                h.memberCount, members, h.incomeYear, items, h.netIncome == null ? null : new Money(h.netIncome),
                Income.perCapita(h.netIncome, h.memberCount).map(Money::new).orElse(null), h.monitored, h.monitoredSince,
                split(h.monitoringReasons), cadre(h), h.version, h.createdAt, h.createdBy, h.updatedAt, h.updatedBy);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public HouseholdListItem listItem(Household h) {
        boolean clear = unmasked();
        if (clear) {
            audit.record("household.pii-read", "household", h.id.toString(), h.regionCode, "headResidentId");
        }
        return new HouseholdListItem(h.id, h.householdCode, h.regionCode, h.state, h.householdType, h.headName,
                clear ? pii.decrypt(h.headIdEncrypted) : h.headIdMasked, h.memberCount, h.identificationYear, h.exitYear,
                h.monitored, h.cadreId, h.version);
    }

    public HistoryLine historyLine(HouseholdHistory e) {
        return new HistoryLine(e.seq, e.at, e.actor, e.action, e.fromState, e.toState, e.stepDate, e.remarks);
    }

    public HouseholdDetails.Cadre cadre(Household h) {
        return h.cadreId == null ? null : new HouseholdDetails.Cadre(h.cadreId, h.cadreName, h.cadrePhone, h.cadreAssignedOn);
    }

    public AssistanceRecord.Measure measure(AssistanceMeasure m) {
        return new AssistanceRecord.Measure(m.id, m.kind, m.description, m.startedOn, m.createdBy);
    }

    public AssistanceRecord.Visit visit(VisitLog v) {
        return new AssistanceRecord.Visit(v.id, v.visitedOn, v.visitor, v.notes);
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }
}
