package org.fupin.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventType;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. Nothing is sent here: the {@link OutboxRelay} publishes the row after
 * the transaction commits, so an event exists exactly when its change does.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;

    /**
     * @param aggregateId      the aggregate's id, used as the Kafka key and the CloudEvents subject
     * @param aggregateVersion the aggregate's version after this change
     * @param regionCode       the aggregate's 12-digit region code
     * @param event            a record annotated with {@link EventType}
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String aggregateId, long aggregateVersion, String regionCode, Object event) {
        OutboxEvent row = row(new Pending(aggregateId, aggregateVersion, regionCode, event));
        row.persist();
        wakeRelayAfterCommit();
        return row.eventId;
    }

    /** One event of {@link #appendAll}: the arguments of {@link #append}. */
    public record Pending(String aggregateId, long aggregateVersion, String regionCode, Object event) {
    }

    /**
     * The same as {@link #append} for many events (a bulk import): one JDBC batch in the caller's transaction. The rows
     * take their publication order ({@code seq}) in list order, so the events of one aggregate must be listed in the
     * order of its versions.
     *
     * @return the event ids, in list order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<OutboxEvent> rows = new ArrayList<>(events.size());
        events.forEach(e -> rows.add(row(e)));
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into outbox_event (event_id, aggregate_type, aggregate_id,"
                    + " aggregate_version, event_type, topic, region_code, payload, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (OutboxEvent row : rows) {
                    ps.setObject(1, row.eventId);
                    ps.setString(2, row.aggregateType);
                    ps.setString(3, row.aggregateId);
                    ps.setLong(4, row.aggregateVersion);
                    ps.setString(5, row.eventType);
                    ps.setString(6, row.topic);
                    ps.setString(7, row.regionCode);
                    ps.setString(8, row.payload);
                    ps.setObject(9, row.occurredAt);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        wakeRelayAfterCommit();
        return rows.stream().map(r -> r.eventId).toList();
    }

    private OutboxEvent row(Pending e) {
        Object event = e.event();
        EventType type = EventCatalog.typeOf(event.getClass());
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.aggregateType = type.aggregate();
        row.aggregateId = e.aggregateId();
        row.aggregateVersion = e.aggregateVersion();
        row.eventType = type.value();
        row.topic = type.topic();
        row.regionCode = e.regionCode();
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event cannot be serialised: " + event, ex);
        }
        row.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        return row;
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
