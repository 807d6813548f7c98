package org.fupin.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /**
     * @param aggregateId      the aggregate's id, used as the Kafka key and the CloudEvents subject
     * @param aggregateVersion the aggregate's version after this change
     * @param regionCode       the aggregate's 12-digit region code
     * @param event            a record annotated with {@link EventType}
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String aggregateId, long aggregateVersion, String regionCode, Object event) {
        EventType type = EventCatalog.typeOf(event.getClass());
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.aggregateType = type.aggregate();
        row.aggregateId = aggregateId;
        row.aggregateVersion = aggregateVersion;
        row.eventType = type.value();
        row.topic = type.topic();
        row.regionCode = regionCode;
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + event, e);
        }
        row.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.persist();
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
        return row.eventId;
    }
}
