-- Tables every service has, shipped by the platform module (versions 0.x; services start at 1).

-- Transactional outbox: written in the same transaction as the change, published by the relay.
create table outbox_event (
    seq               bigserial primary key,          -- publication order
    event_id          uuid         not null unique,   -- CloudEvents id
    aggregate_type    varchar(64)  not null,
    aggregate_id      varchar(64)  not null,          -- Kafka record key
    aggregate_version bigint       not null,
    event_type        varchar(128) not null,
    topic             varchar(128) not null,
    region_code       varchar(12),
    payload           text         not null,
    occurred_at       timestamptz  not null,
    published_at      timestamptz,
    attempts          integer      not null default 0,
    last_error        varchar(1000)
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- One relay publishes at a time across replicas, so events of one aggregate leave in order.
create table outbox_relay_lease (
    name       varchar(64) primary key,
    owner      varchar(200),
    expires_at timestamptz not null
);
insert into outbox_relay_lease (name, owner, expires_at) values ('outbox', null, '-infinity');

-- Idempotent consumer: an event id is recorded in the same transaction as its effect.
create table inbox_event (
    event_id    uuid primary key,
    event_type  varchar(128) not null,
    source      varchar(200),
    received_at timestamptz  not null default now()
);

-- Idempotency-Key of create requests, scoped by caller and operation.
create table idempotency_record (
    principal    varchar(200) not null,
    operation    varchar(100) not null,
    idem_key     varchar(200) not null,
    request_hash varchar(64)  not null,
    resource_id  varchar(64),
    created_at   timestamptz  not null default now(),
    primary key (principal, operation, idem_key)
);

-- Who changed what, when (审计日志).
create table audit_log (
    id          bigserial primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(200) not null,
    action      varchar(64)  not null,
    entity_type varchar(64)  not null,
    entity_id   varchar(64)  not null,
    region_code varchar(12),
    detail      text
);
create index audit_log_entity on audit_log (entity_type, entity_id);
