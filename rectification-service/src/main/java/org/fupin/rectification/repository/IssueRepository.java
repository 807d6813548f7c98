package org.fupin.rectification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.fupin.rectification.domain.IssueState;
import org.fupin.rectification.domain.IssueTerm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IssueRepository implements PanacheRepositoryBase<Issue, UUID> {

    public Optional<Issue> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The open (not CLOSED) issue of a finding key, locked. At most one: the unique partial index guarantees it. */
    public Optional<Issue> openWithKeyForUpdate(String findingKey) {
        return find("findingKey = ?1 and state <> ?2", findingKey, IssueState.CLOSED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean openWithKey(String findingKey) {
        return count("findingKey = ?1 and state <> ?2", findingKey, IssueState.CLOSED) > 0;
    }

    /**
     * Serialises the raising of one finding key across transactions and replicas (a transaction-scoped advisory lock):
     * the second run waits, then sees the first one's issue. The unique partial index stays the last guard.
     */
    public void lockFindingKey(String findingKey) {
        getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 7))) l")
                .setParameter(1, findingKey).getSingleResult();
    }

    /** What a list asks for; null = any. {@code unitScope} restricts to the issues that unit is responsible for. */
    public record Filter(String regionPrefix, UUID sourceId, String sourceType, String category, IssueState state,
                         String unit, String unitScope, IssueTerm term, Boolean overdue, LocalDate day) {
    }

    /**
     * Overdue on :day (逾期): raised by then, not closed by the end of that day, and the day after the deadline in force
     * that day — the original one or the latest extension approved by then (extensions only ever move it later). The
     * same rule as {@code IssueLifecycle.isOverdueOn}.
     */
    static final String OVERDUE = "(i.raisedOn <= :day and (i.closedOn is null or i.closedOn > :day) and :day > coalesce("
            + "(select max(x.newDeadline) from ExtensionRow x where x.issueId = i.id and x.approvedOn <= :day),"
            + " i.originalDeadline))";

    private static final String RESPONSIBLE = "(i.leadUnit = :%1$s or exists (select 1 from Issue c join c.coUnits u"
            + " where c.id = i.id and u = :%1$s))";

    public record Page(List<Issue> items, long total) {
    }

    public Page search(Filter f, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        where.add("i.regionCode like :region");
        p.and("region", f.regionPrefix() + "%");
        if (f.sourceId() != null) {
            where.add("i.sourceId = :source");
            p.and("source", f.sourceId());
        }
        if (f.sourceType() != null) {
            where.add("i.sourceId in (select s.id from Source s where s.sourceType = :sourceType)");
            p.and("sourceType", f.sourceType());
        }
        if (f.category() != null) {
            where.add("i.category = :category");
            p.and("category", f.category());
        }
        if (f.state() != null) {
            where.add("i.state = :state");
            p.and("state", f.state());
        }
        if (f.term() != null) {
            where.add("i.term = :term");
            p.and("term", f.term());
        }
        if (f.unit() != null) {
            where.add(RESPONSIBLE.formatted("unit"));
            p.and("unit", f.unit());
        }
        if (f.unitScope() != null) {
            where.add(RESPONSIBLE.formatted("unitScope"));
            p.and("unitScope", f.unitScope());
        }
        if (f.overdue() != null) {
            where.add(f.overdue() ? OVERDUE : "not " + OVERDUE);
            p.and("day", f.day());
        }
        String q = "from Issue i where " + String.join(" and ", where);
        Map<String, Object> params = p.map();
        var count = getEntityManager().createQuery("select count(i) " + q, Long.class);
        var list = getEntityManager().createQuery("select i " + q + " order by i.raisedOn desc, i.id", Issue.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        List<Issue> items = list.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page(items, count.getSingleResult());
    }

    /** Which of the issues are overdue on the day (for the page a list shows). */
    public Map<UUID, Boolean> overdueOn(List<UUID> ids, LocalDate day) {
        Map<UUID, Boolean> m = new HashMap<>();
        if (ids.isEmpty()) {
            return m;
        }
        List<Object[]> rows = getEntityManager().createQuery("select i.id, case when " + OVERDUE
                        + " then true else false end from Issue i where i.id in :ids", Object[].class)
                .setParameter("ids", ids).setParameter("day", day).getResultList();
        rows.forEach(r -> m.put((UUID) r[0], (Boolean) r[1]));
        return m;
    }
}
