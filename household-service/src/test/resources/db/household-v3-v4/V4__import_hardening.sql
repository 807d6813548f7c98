-- Import jobs safe with several replicas and without readable personal data at rest.
-- Rows are claimed with FOR UPDATE SKIP LOCKED, their status changes only from PENDING, and the job's counters
-- (processed, accepted, rejected: columns of V3) change in the same transaction as the row's outcome.

-- A payload is kept (encrypted) only while its row waits; a processed row keeps its outcome, not the submitted data.
alter table import_job_row alter column payload drop not null;
-- Rows processed before this version: their readable payloads go now.
update import_job_row set payload = null where status <> 'PENDING';

-- Counters of the jobs stored before this version, from their rows.
update import_job j set
    accepted  = (select count(*) from import_job_row r where r.job_id = j.id and r.status = 'ACCEPTED'),
    rejected  = (select count(*) from import_job_row r where r.job_id = j.id and r.status = 'REJECTED'),
    processed = (select count(*) from import_job_row r where r.job_id = j.id and r.status <> 'PENDING');

-- Error reports of jobs older than the configured retention are deleted; the job says when that happened.
alter table import_job add column errors_purged_at timestamptz;
create index import_job_running on import_job (principal) where state = 'RUNNING';
create index import_job_finished on import_job (finished_at) where errors_purged_at is null;

-- Error messages written before this version may repeat submitted values (ID numbers, dates, other households'
-- codes): keep the row and field, replace the text.
update import_row_error set message = 'rejected (details removed)';
