package org.fupin.platform.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.List;

/** Writes who did what, when, to {@code audit_log}, in the same transaction as the change it describes. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;
    @Inject
    Instance<SecurityIdentity> identity;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, String entityId, String regionCode, String detail) {
        em.createNativeQuery("insert into audit_log (actor, action, entity_type, entity_id, region_code, detail)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, actor()).setParameter(2, action).setParameter(3, entityType)
                .setParameter(4, entityId).setParameter(5, regionCode).setParameter(6, detail)
                .executeUpdate();
    }

    /** One line of {@link #recordAll}. */
    public record Entry(String action, String entityType, String entityId, String regionCode, String detail) {
    }

    /**
     * The same as {@link #record} for many changes of one caller (a bulk import): one JDBC batch, in the caller's
     * transaction, in list order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String actor = actor();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into audit_log (actor, action, entity_type, entity_id, region_code, detail)"
                    + " values (?, ?, ?, ?, ?, ?)")) {
                for (Entry e : entries) {
                    ps.setString(1, actor);
                    ps.setString(2, e.action());
                    ps.setString(3, e.entityType());
                    ps.setString(4, e.entityId());
                    ps.setString(5, e.regionCode());
                    ps.setString(6, e.detail());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** The caller's name, or {@code system} outside a request. */
    public String actor() {
        try {
            SecurityIdentity id = identity.get();
            return id == null || id.isAnonymous() ? "system" : id.getPrincipal().getName();
        } catch (RuntimeException e) {
            return "system";
        }
    }
}
