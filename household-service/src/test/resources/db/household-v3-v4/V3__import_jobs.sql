-- Bulk imports by provincial systems: a job per batch, its rows, and per-row errors.
create table import_job (
    id            uuid primary key,
    principal     varchar(200) not null,
    region_prefix varchar(12)  not null,
    content_hash  varchar(64)  not null,
    format        varchar(10)  not null,
    state         varchar(16)  not null,   -- RUNNING, DONE
    total         integer      not null,
    processed     integer      not null default 0,
    accepted      integer      not null default 0,
    rejected      integer      not null default 0,
    created_at    timestamptz  not null,
    finished_at   timestamptz,
    unique (principal, content_hash)       -- the same batch sent again is the same job
);
create table import_job_row (
    job_id       uuid    not null references import_job (id),
    row_number   integer not null,         -- line (NDJSON) or first row of the household (CSV, xlsx)
    payload      text    not null,
    status       varchar(10) not null,     -- PENDING, ACCEPTED, REJECTED
    household_id uuid,
    primary key (job_id, row_number)
);
create index import_job_row_pending on import_job_row (job_id, row_number) where status = 'PENDING';
create table import_row_error (
    job_id     uuid          not null references import_job (id),
    row_number integer       not null,
    field      varchar(200)  not null,
    message    varchar(1000) not null
);
create index import_row_error_job on import_row_error (job_id, row_number);
