-- The project library (项目库): one row per project with its record, where it stands in the lifecycle and its latest
-- progress; the budget split by fund source, the date each stage was reached and the linked households (带贫户) in child
-- tables; the project's own history (GET /api/v1/projects/{id}/history). Nothing is ever deleted.

-- Numbers of generated project codes (<county6>-<year>-<number>), one sequence for the whole library.
create sequence project_code_seq;

create table project (
    id                     uuid primary key,
    project_code           varchar(40)    not null,   -- 项目编号: the office's own, or generated
    name                   varchar(200)   not null,   -- 项目名称
    project_year           integer        not null,   -- 项目年度 (library year)
    category               varchar(64)    references project_category (code),
    region_code            varchar(12)    not null,   -- 建设地点: county, township or village code
    batch                  varchar(50),               -- 批次
    unit_name              varchar(200),              -- 实施单位
    unit_credit_code       varchar(18),               -- 统一社会信用代码 (GB 32100 check character verified)
    construction_content   text,                      -- 建设内容
    construction_scale     text,                      -- 建设规模
    planned_start_date     date,
    planned_end_date       date,
    target_households      integer,                   -- 绩效目标
    target_persons         integer,
    target_poor_households integer,
    target_poor_persons    integer,
    target_text            text,
    budget_total           numeric(14, 2) not null default 0 check (budget_total >= 0),  -- sum of project_budget
    fund_sources           varchar(400)   not null default ',',  -- ",central-budget,bank-loans,": the fundSource filter
    stage                  varchar(32)    not null,
    stage_date             date           not null,   -- the date the current stage was reached
    approval_document      varchar(200),              -- 前期审批 document number
    acceptance_document    varchar(200),              -- 验收 document
    cancelled_from         varchar(32),
    cancellation_reason    text,
    progress_date          date,                      -- latest progress report (进度)
    physical_progress      numeric(5, 2)  check (physical_progress between 0 and 100),
    investment_completed   numeric(14, 2) check (investment_completed >= 0),
    beneficiary_count      integer        not null default 0,
    missing_fields         varchar(400)   not null default '',   -- 项目信息不完整: comma-separated API names
    version                bigint         not null,
    created_at             timestamptz    not null,
    created_by             varchar(200)   not null,
    updated_at             timestamptz    not null,
    updated_by             varchar(200)   not null
);
create unique index project_code_unique on project (project_code);
-- the list filters: region prefix (LIKE '5224%'), year, category, stage, batch, unit, incomplete
create index project_region on project (region_code varchar_pattern_ops);
create index project_year_region on project (project_year, region_code);
create index project_category_idx on project (category);
create index project_stage on project (stage);
create index project_batch on project (batch) where batch is not null;
create index project_unit on project (lower(unit_name) varchar_pattern_ops) where unit_name is not null;
create index project_incomplete on project (region_code) where missing_fields <> '';

-- 预算总投资 by fund source; only sources with money (amount > 0).
create table project_budget (
    project_id  uuid           not null references project (id),
    fund_source varchar(32)    not null,   -- FundSource constant name
    amount      numeric(14, 2) not null check (amount > 0),
    primary key (project_id, fund_source)
);

-- The date each stage was reached (stage dates, back-dated for paper records).
create table project_stage_date (
    project_id uuid        not null references project (id),
    stage      varchar(32) not null,
    reached_on date        not null,
    primary key (project_id, stage)
);

-- 带贫户: households of household-service (by id, with the code they had when linked), in the order given.
create table project_beneficiary (
    project_id     uuid        not null references project (id),
    position       integer     not null,
    household_id   uuid        not null,
    household_code varchar(32),
    primary key (project_id, position)
);
create index project_beneficiary_household on project_beneficiary (household_id);

-- The project's own history: who did what, when, effective on which date, with each field's value before and after.
create table project_history (
    seq            bigserial primary key,
    project_id     uuid         not null references project (id),
    at             timestamptz  not null,
    actor          varchar(200) not null,
    action         varchar(64)  not null,
    from_stage     varchar(32),
    to_stage       varchar(32)  not null,
    effective_date date         not null,
    remarks        text,
    changes        text                      -- JSON [{field, before, after}]
);
create index project_history_project on project_history (project_id, seq);
