-- Household figures of the full registry (登记、脱贫、返贫、剔除、监测) and the population behind poverty incidence.
--
-- household_fact.status: REGISTERED = currently poor (remaining), EXITED (脱贫), REMOVED (剔除, wrongly registered).
-- Only households that reached registration have a fact: workflow steps before it are not counted.
-- Facts written by V1 (before these columns existed) keep null years: they count without a year, never for one.
-- household_fact.version: from V2 on, an event is applied when its version is not older than the stored one (V1 required
-- newer): household-service emits several events of one change under one version (registered + monitoring-started),
-- and every effect is idempotent, so applying equal versions loses nothing and a repeat changes nothing.
alter table household_fact
    add column identification_year integer,               -- 识别年度, from household.registered.v1
    add column household_type      varchar(40),           -- ORDINARY, MINIMUM_LIVING_ALLOWANCE, ...
    add column exit_year           integer,               -- last exit year; kept after a return (history)
    add column removed_year        integer,               -- year of removedAt in Asia/Shanghai
    add column monitored           boolean not null default false, -- 防返贫监测对象 now
    add column last_return_year    integer,               -- 返贫 year of the latest return
    add column return_count        integer not null default 0;

-- Members as pseudonymous person ids (keyed hash of the resident ID number; never the number itself), replaced
-- wholesale for a household by household.registered.v1 and household.updated.v1. Used for 数据比对 (one person,
-- one household): persons appearing in several non-removed households.
create table household_person (
    household_id uuid        not null references household_fact (household_id) on delete cascade,
    person_id    varchar(64) not null,
    primary key (household_id, person_id)
);
create index household_person_person on household_person (person_id);

-- Registered (rural) population per region (户籍人口 / 农业人口), loaded by report-admin through
-- PUT /api/v1/reports/population. region_code is the 12-digit form, zero-padded, of the region the figure is for
-- (county 522428 → 522428000000), so the prefix of a stored row is recovered by stripping its zero groups.
create table region_population (
    region_code varchar(12)  primary key check (region_code ~ '^[0-9]{12}$'),
    population  bigint       not null check (population >= 0),
    year        integer,                                   -- the year the figure describes, when given
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(200) not null
);
create index region_population_prefix on region_population (region_code text_pattern_ops);
