-- rectification-service's own replicas of the households, projects and project funds, built only from the events of
-- fupin.household.v1, fupin.project.v1 and fupin.fund.v1 (event/*Consumer, through the platform inbox); the service
-- never calls the others. They answer two questions: may an issue link this household or project (LinkRules), and do
-- the system-check rules (系统核查, SystemChecks) hold for it on a day.
--
-- Newest version wins, whatever the order the events arrive in, and a replay is a no-op:
--   * a project event carries the project's whole snapshot: the row keeps the snapshot of the newest aggregate version;
--   * household events each tell a few fields: every field group keeps the value of the newest version that told it
--     (<group>_version; 0 = never told); registered_on is told only by household.registered.v1, last_measure_on is the
--     latest measure date seen (a maximum: order does not matter);
--   * fund entries are kept once per entryId; a project's reimbursed sum (报账) is their sum.
-- check_pending: an event changed the object since its system check last ran; the check run (right after the batch,
-- and the scheduled run for whatever is left) clears it in the transaction that raises or clears the issues, so no
-- change goes unchecked even if the service stops between the two. checked_on: the day of the last check.

create table project_replica_rc (
    id                 uuid          primary key,             -- project-service's project id (the event key)
    project_code       varchar(40)   not null,                -- 项目编号
    region_code        varchar(12)   not null,                -- where it is built, 12 digits
    stage              varchar(24)   not null,                -- PLANNED … ACCEPTED, CANCELLED
    stage_date         date,                                   -- the date the current stage was reached
    entered_on         date,                                   -- 入库: the registered event's business date
    completed_on       date,                                   -- the stage date of a snapshot in COMPLETED
    missing_fields     varchar(40)[] not null default '{}',   -- 项目信息不完整: the required fields the record lacks
    planned_start_date date,
    planned_end_date   date,
    budget_total       numeric(14,2) not null,                -- 预算总投资: the implemented amount once under construction
    effective_date     date,                                   -- business date of the snapshot's change
    version            bigint        not null,                -- aggregate version of the snapshot held
    check_pending      boolean       not null default true,
    checked_on         date,
    updated_at         timestamptz   not null default now()
);
create index project_replica_rc_region on project_replica_rc (region_code text_pattern_ops);
create index project_replica_rc_pending on project_replica_rc (id) where check_pending;

-- one row per reimbursement entry (报账 +, 红字冲销 −), deduplicated by the fund event's entryId
create table fund_entry_rc (
    entry_id         uuid          primary key,
    project_id       uuid          not null,                  -- the project may arrive later than its money
    kind             varchar(40)   not null,                  -- the fund event type
    reimbursed_delta numeric(14,2) not null,
    effective_date   date          not null
);
create index fund_entry_rc_project on fund_entry_rc (project_id);

create table household_replica_rc (
    id                    uuid        primary key,            -- household-service's household id (the event key)
    region_code           varchar(12) not null,
    region_version        bigint      not null,
    state                 varchar(40),                         -- REGISTERED, EXITED, REMOVED or a workflow state
    state_version         bigint      not null default 0,
    registered_on         date,                                -- household.registered.v1's business date
    cadre_assigned_on     date,                                -- the latest cadre assignment (帮扶责任人)
    cadre_version         bigint      not null default 0,
    monitoring_started_on date,                                -- start of the current monitoring period, null when none
    monitoring_version    bigint      not null default 0,
    last_measure_on       date,                                -- the latest assistance measure (帮扶措施)
    version               bigint      not null,               -- the newest aggregate version seen
    check_pending         boolean     not null default true,
    checked_on            date,
    updated_at            timestamptz not null default now()
);
create index household_replica_rc_region on household_replica_rc (region_code text_pattern_ops);
create index household_replica_rc_pending on household_replica_rc (id) where check_pending;
