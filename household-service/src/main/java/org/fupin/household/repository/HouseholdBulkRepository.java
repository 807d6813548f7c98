package org.fupin.household.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Stores many new households at once (a chunk of a bulk import): households, members, income items and history lines,
 * each table in one JDBC batch (rewritten into multi-row inserts by the driver) in the caller's transaction. The
 * entities are plain objects here, never managed by Hibernate, so nothing is inserted twice.
 * <p>
 * Households are inserted in code order and members in ID-hash order: two chunks racing over the same persons or codes
 * then wait for each other at the unique indexes in the same order, so they block (the later one fails with a unique
 * violation once the first commits) instead of deadlocking. History lines take their {@code seq} from the column's
 * sequence in insert order, as single changes do.
 */
@ApplicationScoped
public class HouseholdBulkRepository {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Household> households, List<HouseholdHistory> lines) {
        if (households.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            List<Household> byCode = new ArrayList<>(households);
            byCode.sort(Comparator.comparing(h -> h.householdCode));
            insertHouseholds(c, byCode);
            List<HouseholdMember> members = new ArrayList<>();
            households.forEach(h -> members.addAll(h.members));
            members.sort(Comparator.comparing(m -> m.idHash));
            insertMembers(c, members);
            insertIncomeItems(c, households);
            insertHistory(c, lines);
        });
    }

    private static void insertHouseholds(Connection c, List<Household> households) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into household (id, household_code, region_code, head_name, head_id_hash,"
                + " head_id_encrypted, head_id_masked, member_count, state, version, created_at, created_by, updated_at, updated_by,"
                + " household_type, main_cause, other_causes, origin, omission_correction, identification_year, exit_year,"
                + " removal_reason, notice_started_on, last_step_on, income_year, net_income, monitored, monitored_since,"
                + " monitoring_reasons, cadre_id, cadre_name, cadre_phone, cadre_assigned_on)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Household h : households) {
                int i = 0;
                ps.setObject(++i, h.id);
                ps.setString(++i, h.householdCode);
                ps.setString(++i, h.regionCode);
                ps.setString(++i, h.headName);
                ps.setString(++i, h.headIdHash);
                ps.setString(++i, h.headIdEncrypted);
                ps.setString(++i, h.headIdMasked);
                ps.setInt(++i, h.memberCount);
                ps.setString(++i, name(h.state));
                ps.setLong(++i, h.version);
                ps.setObject(++i, h.createdAt);
                ps.setString(++i, h.createdBy);
                ps.setObject(++i, h.updatedAt);
                ps.setString(++i, h.updatedBy);
                ps.setString(++i, name(h.householdType));
                ps.setString(++i, h.mainCause);
                ps.setString(++i, h.otherCauses);
                ps.setString(++i, h.origin);
                ps.setBoolean(++i, h.omissionCorrection);
                ps.setObject(++i, h.identificationYear, Types.INTEGER);
                ps.setObject(++i, h.exitYear, Types.INTEGER);
                ps.setString(++i, h.removalReason);
                ps.setObject(++i, h.noticeStartedOn, Types.DATE);
                ps.setObject(++i, h.lastStepOn, Types.DATE);
                ps.setObject(++i, h.incomeYear, Types.INTEGER);
                ps.setBigDecimal(++i, h.netIncome);
                ps.setBoolean(++i, h.monitored);
                ps.setObject(++i, h.monitoredSince, Types.DATE);
                ps.setString(++i, h.monitoringReasons);
                ps.setString(++i, h.cadreId);
                ps.setString(++i, h.cadreName);
                ps.setString(++i, h.cadrePhone);
                ps.setObject(++i, h.cadreAssignedOn, Types.DATE);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertMembers(Connection c, List<HouseholdMember> members) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into household_member (id, household_id, position, name, id_hash,"
                + " id_encrypted, id_masked, person_id, relation, sex, birth_date, health, disability, labour_ability, education,"
                + " schooling_status, migrant_work, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (HouseholdMember m : members) {
                int i = 0;
                ps.setObject(++i, m.id);
                ps.setObject(++i, m.household.id);
                ps.setInt(++i, m.position);
                ps.setString(++i, m.name);
                ps.setString(++i, m.idHash);
                ps.setString(++i, m.idEncrypted);
                ps.setString(++i, m.idMasked);
                ps.setString(++i, m.personId);
                ps.setString(++i, name(m.relation));
                ps.setString(++i, name(m.sex));
                ps.setObject(++i, m.birthDate, Types.DATE);
                ps.setString(++i, name(m.health));
                ps.setString(++i, name(m.disability));
                ps.setString(++i, name(m.labourAbility));
                ps.setString(++i, name(m.education));
                ps.setString(++i, name(m.schoolingStatus));
                ps.setBoolean(++i, m.migrantWork);
                ps.setBoolean(++i, m.active);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertIncomeItems(Connection c, List<Household> households) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into household_income_item (household_id, kind, amount) values (?, ?, ?)")) {
            int n = 0;
            for (Household h : households) {
                for (Map.Entry<?, BigDecimal> item : h.incomeItems.entrySet()) {
                    ps.setObject(1, h.id);
                    ps.setString(2, ((Enum<?>) item.getKey()).name());
                    ps.setBigDecimal(3, item.getValue());
                    ps.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void insertHistory(Connection c, List<HouseholdHistory> lines) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into household_history (household_id, at, actor, action, from_state,"
                + " to_state, step_date, remarks) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (HouseholdHistory e : lines) {
                ps.setObject(1, e.householdId);
                ps.setObject(2, e.at);
                ps.setString(3, e.actor);
                ps.setString(4, e.action);
                ps.setString(5, e.fromState);
                ps.setString(6, e.toState);
                ps.setObject(7, e.stepDate, Types.DATE);
                ps.setString(8, e.remarks);
                ps.addBatch();
            }
            if (!lines.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
