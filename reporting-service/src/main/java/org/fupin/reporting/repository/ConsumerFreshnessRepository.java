package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per consumer, the time of the latest event applied ({@code consumer_freshness}, migration V7). */
@ApplicationScoped
public class ConsumerFreshnessRepository {

    @Inject
    EntityManager em;

    /** Moves the consumer's latest event time forward to {@code latest} (never back), in the caller's transaction. */
    public void advance(String consumer, Instant latest) {
        em.createNativeQuery("""
                        insert into consumer_freshness as f (consumer, latest_event_at, applied_at) values (?1, ?2, now())
                        on conflict (consumer) do update
                          set latest_event_at = greatest(f.latest_event_at, excluded.latest_event_at), applied_at = excluded.applied_at""")
                .setParameter(1, consumer).setParameter(2, latest.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate();
    }

    /** The latest event time of each of the consumers that has applied any. */
    public Map<String, Instant> latest(Collection<String> consumers) {
        Map<String, Instant> byConsumer = new TreeMap<>();
        if (consumers.isEmpty()) {
            return byConsumer;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select consumer, latest_event_at from consumer_freshness where consumer = any(cast(?1 as varchar[]))")
                .setParameter(1, consumers.toArray(String[]::new))
                .getResultList();
        rows.forEach(r -> byConsumer.put((String) r[0], instant(r[1])));
        return byConsumer;
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? null : value.getClass()));
    }
}
