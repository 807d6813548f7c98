-- project-service's own replica of the household registry (带贫户 are references to it), built only from the events of
-- fupin.household.v1 (HouseholdEventsConsumer, through the platform inbox); project-service never calls
-- household-service. One row per household id.
--
-- Order-independent, newest version wins per field: each field keeps the value of the newest event that carries it
-- (region: every event; code: household.registered.v1 only; state: workflow step, registered, exited, returned,
-- removed; persons: registered, updated, exited, returned, removed, monitoring-started), so the replica is the same
-- whatever order the events arrive in and a replay changes nothing.
--
-- household_code, state and persons are null until an event carrying them arrived: only household.registered.v1
-- carries the code, so a household still in the registration workflow (or whose newer events overtook its
-- registration) has a row without one. The repository only answers with rows whose code, state and persons are known.
-- A removed household (剔除) keeps its row, with state REMOVED, so linked beneficiaries can be flagged.
create table household_replica (
    id              uuid        primary key,             -- household-service's household id (the event key)
    household_code  varchar(32) unique,                  -- 户编号
    region_code     varchar(12) not null,                -- 12-digit village code
    state           varchar(32),                         -- household-service's state name (REGISTERED, EXITED, REMOVED, ...)
    persons         integer,                             -- 户人口数
    version         bigint      not null,                -- newest aggregate version applied (any event)
    state_version   bigint      not null default 0,      -- version of the event that gave state (0: none yet)
    persons_version bigint      not null default 0,      -- version of the event that gave persons (0: none yet)
    updated_at      timestamptz not null default now()
);
