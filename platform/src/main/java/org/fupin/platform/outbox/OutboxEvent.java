package org.fupin.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the transactional outbox; see V0_1__platform_tables.sql and V0_2__outbox_parking.sql. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;
    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;
    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;
    @Column(name = "aggregate_version", nullable = false)
    public long aggregateVersion;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String topic;
    @Column(name = "region_code")
    public String regionCode;
    @Column(nullable = false)
    public String payload;
    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    /** Row-specific failed sends since the last re-queue; a broker outage never counts. */
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    /** Set when {@code attempts} reached {@code fupin.outbox.max-attempts}; later events of the aggregate wait. */
    @Column(name = "parked_at")
    public OffsetDateTime parkedAt;
}
