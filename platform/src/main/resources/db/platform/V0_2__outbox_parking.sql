-- Outbox parking (issue 6.2) and relay lease fencing (issue 6.3).

-- A row whose send failed for a reason of its own (too large, invalid topic, rejected by the broker) max-attempts
-- times is parked: the relay skips it, and the later rows of the same aggregate wait behind it until an admin
-- re-queues it. attempts counts only such row-specific failures; a broker outage never counts.
alter table outbox_event add column parked_at timestamptz;
comment on column outbox_event.attempts is 'row-specific failed sends since the last re-queue (a broker outage does not count)';
comment on column outbox_event.last_error is 'the last row-specific send failure (never the payload)';
comment on column outbox_event.parked_at is 'set when attempts reached fupin.outbox.max-attempts; cleared by a re-queue';
-- the relay asks, for every candidate row, whether an earlier row of its aggregate is parked
create index outbox_event_parked on outbox_event (aggregate_type, aggregate_id, seq)
    where parked_at is not null and published_at is null;

-- Fencing token: incremented whenever a replica takes the lease over. Every write of the relay checks, in its own
-- transaction and under a share lock of the lease row, that it still holds the lease with its token.
alter table outbox_relay_lease add column token bigint not null default 0;
