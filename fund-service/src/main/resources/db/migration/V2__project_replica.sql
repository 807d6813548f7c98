-- fund-service's own replica of the project library (项目库), built only from the events of fupin.project.v1
-- (ProjectEventsConsumer, through the platform inbox); fund-service never calls project-service. Allocation checks read
-- it: the project exists, is not cancelled, lies in the caller's region, and what it receives from a source stays
-- within its budget for that source.
--
-- Every project event carries the project's full snapshot (docs/project-library.md, choice 14), so one row per project
-- holds the snapshot of the newest aggregate version: an event whose version is not older than the stored one replaces
-- the row and its budget split, an older one (a late replay, out of order) changes nothing. So the replica is the same
-- whatever order the events arrive in, and a replay is a no-op. A cancelled project (终止) keeps its row with
-- cancelled = true: its allocations, disbursements and recalls still refer to it.
create table project_replica (
    id                   uuid          primary key,           -- project-service's project id (the event key)
    project_code         varchar(40)   not null,              -- 项目编号
    region_code          varchar(12)   not null,              -- where it is built, 12 digits
    category             varchar(64),                          -- one of the 13 national categories, null while not given
    project_year         integer       not null,              -- 项目年度
    batch                varchar(50),                          -- 批次, null when none
    stage                varchar(24)   not null,              -- project-service's stage name (PLANNED … ACCEPTED, CANCELLED)
    stage_date           date,                                 -- the date the current stage was reached
    cancelled            boolean       generated always as (stage = 'CANCELLED') stored, -- 终止
    budget_total         numeric(14,2) not null,              -- Σ project_replica_budget.amount
    effective_date       date,                                 -- business date of the snapshot's change
    version              bigint        not null,              -- aggregate version of the snapshot held
    updated_at           timestamptz   not null default now()
);
create index project_replica_region on project_replica (region_code text_pattern_ops);
create index project_replica_code on project_replica (project_code);

-- 预算总投资 by fund source (sources without money absent), replaced with the snapshot. The allocation check
-- (allocated ≤ budget per project × source) reads it under the project row's lock: the consumer takes that row lock
-- before it replaces the split, so a locked project's budget cannot change under an allocation.
create table project_replica_budget (
    project_id  uuid          not null references project_replica (id) on delete cascade,
    fund_source varchar(64)   not null references fund_source (code), -- an unknown source is refused as poison first
    amount      numeric(14,2) not null check (amount >= 0),
    primary key (project_id, fund_source)
);
