-- Project figures (项目库): the newest snapshot of every project, kept from the project events (fupin.project.v1).
-- Every project event carries the project's full snapshot (region, category, year, batch, stage, budget split, progress,
-- investment, missing fields), so any event creates or replaces the row; an event older than the stored version is a
-- late replay and changes nothing (ProjectSnapshot.merge). The figures are aggregated at query time, grouped by the
-- dimension asked for (ProjectReportRepository), joined with household_fact for the beneficiary persons and removals:
-- the figures are a function of the newest snapshots and the household facts only, whatever the arrival order.
create table project_fact (
    project_id            uuid primary key,
    project_code          varchar(40)   not null,
    region_code           varchar(12)   not null,             -- where it is built, 12 digits
    category              varchar(64),                          -- null while not given
    project_year          integer       not null,
    batch                 varchar(50),                          -- 批次, null when none
    stage                 varchar(24)   not null,
    stage_date            date,
    budget_total          numeric(14,2) not null,             -- Σ project_budget.amount
    physical_progress     numeric(5,2),                         -- 形象进度 percent, null before the first report
    investment_completed  numeric(14,2) not null,             -- 累计完成投资
    incomplete            boolean       not null,             -- 项目信息不完整: missing_fields not empty
    missing_fields        varchar(40)[] not null,
    effective_date        date,
    version               bigint        not null,             -- aggregate version of the snapshot held
    beneficiaries_version bigint        not null default 0,   -- version of the beneficiary list held (0 = none received)
    updated_at            timestamptz   not null default now()
);
create index project_fact_region on project_fact (region_code text_pattern_ops);
create index project_fact_year on project_fact (project_year);

-- 预算总投资 by fund source (sources without money absent), replaced with the snapshot.
create table project_budget (
    project_id  uuid          not null references project_fact (project_id) on delete cascade,
    fund_source varchar(40)   not null,
    amount      numeric(14,2) not null,
    primary key (project_id, fund_source)
);

-- 带贫户: the project's beneficiary households by household-service id (project.beneficiaries-changed.v1 carries the whole
-- list; replaced wholesale when a newer list arrives). No foreign key to household_fact: a household's events may
-- arrive after the project's; the report joins at query time.
create table project_beneficiary (
    project_id   uuid not null references project_fact (project_id) on delete cascade,
    household_id uuid not null,
    primary key (project_id, household_id)
);
create index project_beneficiary_household on project_beneficiary (household_id);
