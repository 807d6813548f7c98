-- Bulk imports (org.fupin.platform.imports): a job per batch, its rows (payload encrypted, kept only while the row
-- waits) and per-row errors, for every service that imports. Written to run on a fresh database (where it comes
-- before the service's own migrations) and on a household-service database whose import tables came from its former
-- V3__import_jobs.sql and V4__import_hardening.sql (where it runs out of order, after them): it brings both to one shape.
create table if not exists import_job (
    id               uuid primary key,
    kind             varchar(40)  not null,   -- the ImportKind: household, project, ...
    principal        varchar(200) not null,   -- the submitter; rows run as them
    region_prefix    varchar(12)  not null,   -- and in their region
    content_hash     varchar(64)  not null,   -- SHA-256 of the batch: the same batch sent again is the same job
    format           varchar(10)  not null,   -- NDJSON, CSV, XLSX
    state            varchar(16)  not null,   -- RUNNING, DONE
    total            integer      not null,
    processed        integer      not null default 0,
    accepted         integer      not null default 0,
    rejected         integer      not null default 0,
    created_at       timestamptz  not null,
    finished_at      timestamptz,
    errors_purged_at timestamptz              -- when the error report was deleted (retention); the counters stay
);
create table if not exists import_job_row (
    job_id     uuid        not null references import_job (id),
    row_number integer     not null,          -- line (NDJSON) or first row of the record (CSV, xlsx)
    payload    text,                          -- encrypted; null once the row is decided
    status     varchar(10) not null,          -- PENDING, ACCEPTED, REJECTED
    entity_id  uuid,                          -- what an accepted row stored (a household, a project)
    primary key (job_id, row_number)
);
create table if not exists import_row_error (
    job_id     uuid          not null references import_job (id),
    row_number integer       not null,
    field      varchar(200)  not null,
    message    varchar(1000) not null
);

-- A household-service database: its tables had household_id and no kind; one at its V3 only also lacks what V4 did.
do $$
begin
    if exists (select 1 from information_schema.columns where table_schema = current_schema()
               and table_name = 'import_job_row' and column_name = 'household_id') then
        alter table import_job_row rename column household_id to entity_id;
    end if;
    if not exists (select 1 from information_schema.columns where table_schema = current_schema()
                   and table_name = 'import_job' and column_name = 'kind') then
        alter table import_job add column kind varchar(40);
        update import_job set kind = 'household'; -- the only service that imported before this version
        alter table import_job alter column kind set not null;
    end if;
    if not exists (select 1 from information_schema.columns where table_schema = current_schema()
                   and table_name = 'import_job' and column_name = 'errors_purged_at') then
        alter table import_job_row alter column payload drop not null;
        update import_job_row set payload = null where status <> 'PENDING';
        update import_job j set
            accepted  = (select count(*) from import_job_row r where r.job_id = j.id and r.status = 'ACCEPTED'),
            rejected  = (select count(*) from import_job_row r where r.job_id = j.id and r.status = 'REJECTED'),
            processed = (select count(*) from import_job_row r where r.job_id = j.id and r.status <> 'PENDING');
        alter table import_job add column errors_purged_at timestamptz;
        update import_row_error set message = 'rejected (details removed)';
    end if;
end $$;

-- The same batch is the same job per kind and submitter (household's V3 had unique (principal, content_hash)).
alter table import_job drop constraint if exists import_job_principal_content_hash_key;
create unique index if not exists import_job_same_batch on import_job (kind, principal, content_hash);
create index if not exists import_job_row_pending on import_job_row (job_id, row_number) where status = 'PENDING';
create index if not exists import_row_error_job on import_row_error (job_id, row_number);
create index if not exists import_job_running on import_job (principal) where state = 'RUNNING';
create index if not exists import_job_finished on import_job (finished_at) where errors_purged_at is null;
