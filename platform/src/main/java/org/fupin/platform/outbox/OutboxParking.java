package org.fupin.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Lists and re-queues parked outbox events within the caller's region; every re-queue is audited. */
@ApplicationScoped
public class OutboxParking {

    static final String ENTITY = "outbox_event";

    @Inject
    EntityManager em;
    @Inject
    RegionScope regions;
    @Inject
    AuditTrail audit;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;

    /** A parked event as operators see it: never the payload. */
    public record ParkedEvent(UUID id, Long seq, String aggregateType, String aggregateId, Long aggregateVersion,
                              String eventType, String topic, String regionCode, Integer attempts, String error,
                              OffsetDateTime parkedAt, OffsetDateTime occurredAt, Long heldBehind) {
    }

    @Transactional
    public List<ParkedEvent> list(int limit) {
        return em.createQuery("select new org.fupin.platform.outbox.OutboxParking$ParkedEvent(e.eventId, e.seq, e.aggregateType,"
                        + " e.aggregateId, e.aggregateVersion, e.eventType, e.topic, e.regionCode, e.attempts, e.lastError, e.parkedAt,"
                        + " e.occurredAt, (select count(h) from OutboxEvent h where h.aggregateType = e.aggregateType"
                        + " and h.aggregateId = e.aggregateId and h.seq > e.seq and h.publishedAt is null))"
                        + " from OutboxEvent e where e.parkedAt is not null and e.publishedAt is null"
                        + " and coalesce(e.regionCode, '') like :region order by e.seq", ParkedEvent.class)
                .setParameter("region", regions.prefix() + "%")
                .setMaxResults(limit)
                .getResultList();
    }

    /** Clears the parking of one event, so the relay publishes it and then the events held behind it. */
    @Transactional
    public void requeue(UUID eventId) {
        List<OutboxEvent> found = em.createQuery("from OutboxEvent e where e.eventId = :id and e.parkedAt is not null"
                        + " and e.publishedAt is null", OutboxEvent.class)
                .setParameter("id", eventId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty() || !visible(found.get(0))) {
            throw ApiProblem.notFound("Parked outbox event", eventId);
        }
        requeue(found.get(0));
        wakeRelayAfterCommit();
    }

    /** Re-queues every parked event in the caller's region. */
    @Transactional
    public int requeueAll() {
        List<OutboxEvent> parked = em.createQuery("from OutboxEvent e where e.parkedAt is not null and e.publishedAt is null"
                        + " and coalesce(e.regionCode, '') like :region order by e.seq", OutboxEvent.class)
                .setParameter("region", regions.prefix() + "%")
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        parked.forEach(this::requeue);
        if (!parked.isEmpty()) {
            wakeRelayAfterCommit();
        }
        return parked.size();
    }

    private boolean visible(OutboxEvent e) {
        return (e.regionCode == null ? "" : e.regionCode).startsWith(regions.prefix());
    }

    private void requeue(OutboxEvent e) {
        audit.record("OUTBOX_REQUEUE", ENTITY, e.eventId.toString(), e.regionCode,
                "event " + e.eventType + " of " + e.aggregateType + " " + e.aggregateId + " re-queued after " + e.attempts
                        + " failed attempts; last error: " + e.lastError);
        e.parkedAt = null;
        e.attempts = 0;
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
