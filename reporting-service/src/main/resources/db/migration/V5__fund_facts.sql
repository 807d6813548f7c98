-- Fund figures (资金): the ledger entries from the fund events (fupin.fund.v1) and the project points for "as of a day"
-- from the project events (fupin.project.v1). The figures are a function of the two sets only (domain FundFigures is the
-- reference; FundReportRepository computes the same sums here), so they do not depend on the order or the number of
-- times the events arrived: fund events before their project's events included.

-- One row per ledger entry (entryId: each entry counts once, whatever event delivered it, however often): signed deltas
-- of the three figures on the entry's business date (document, payment order, voucher or reversal date).
create table fund_fact (
    entry_id     uuid primary key,
    event_id     uuid          not null,              -- the event that brought it (first delivery)
    kind         varchar(40)   not null,              -- the event type, e.g. fund.reimbursed.v1
    project_id   uuid          not null,
    region_code  varchar(12)   not null,              -- the project's region as the event carries it
    county_code  varchar(12)   not null,              -- the county the money is managed in
    fund_source  varchar(40)   not null,
    entry_date   date          not null,
    allocated    numeric(14,2) not null,              -- signed delta: + allocation, adjustment IN; − adjustment OUT, recall
    disbursed    numeric(14,2) not null,              -- + disbursement; − the returned part of a recall
    reimbursed   numeric(14,2) not null,              -- + voucher; − reversal
    recorded_at  timestamptz   not null default now()
);
-- the days of a month (as of a day inside it) and one project's entries
create index fund_fact_date on fund_fact (entry_date);
create index fund_fact_project on fund_fact (project_id, entry_date);

-- The entries summed per project × source × region × calendar year and × calendar month, kept in the facts' transaction
-- by adding each new entry's deltas (additions commute: batches of several replicas, in any order, give the same sums).
-- A report reads these sums (a few rows per project) instead of every voucher: now = all years; as of a day = the years
-- before the day's year, that year's months before the day's month, and that month's entries up to the day (a year's
-- or a month's last day needs no finer level).
create table fund_year (
    project_id   uuid          not null,
    fund_source  varchar(40)   not null,
    region_code  varchar(12)   not null,
    year         integer       not null,
    allocated    numeric(16,2) not null,
    disbursed    numeric(16,2) not null,
    reimbursed   numeric(16,2) not null,
    entries      bigint        not null,
    primary key (project_id, fund_source, region_code, year)
);

create table fund_month (
    project_id   uuid          not null,
    fund_source  varchar(40)   not null,
    region_code  varchar(12)   not null,
    month        date          not null,              -- first day of the month
    allocated    numeric(16,2) not null,
    disbursed    numeric(16,2) not null,
    reimbursed   numeric(16,2) not null,
    entries      bigint        not null,
    primary key (project_id, fund_source, region_code, month)
);
create index fund_month_month on fund_month (month);

-- The regions the money of each project was recorded under (one row per project and region): a report's candidate
-- projects inside a region prefix come from here and from project_point, never from a scan of the money.
create table fund_project (
    project_id  uuid        not null,
    region_code varchar(12) not null,
    primary key (project_id, region_code)
);
create index fund_project_region on fund_project (region_code text_pattern_ops, project_id);

-- One row per project event version (FundFigures.ProjectPoint): the project as that event left it, counting from
-- valid_from (the stage date for an event that set the stage — registered/imported, stage-changed, cancelled — else the
-- event's effective date). Never replaced: the project as of a day is its newest version valid on that day; now, its
-- newest version. A version already held is a replay and is ignored (first one kept).
create table project_point (
    project_id   uuid          not null,
    version      bigint        not null,
    valid_from   date          not null,
    event_type   varchar(60)   not null,
    region_code  varchar(12)   not null,
    project_year integer       not null,
    category     varchar(64),
    batch        varchar(50),
    stage        varchar(24)   not null,
    primary key (project_id, version)
);
create index project_point_region on project_point (region_code text_pattern_ops, project_id);

-- The budget by fund source of a point (sources without money absent).
create table project_point_budget (
    project_id  uuid          not null,
    version     bigint        not null,
    fund_source varchar(40)   not null,
    amount      numeric(14,2) not null,
    primary key (project_id, version, fund_source)
);

-- Backfill: the projects received before this migration have no history here (project_fact keeps only the newest
-- snapshot, and the inbox would drop a replay of their events as duplicates). Each gets one point, its newest version,
-- counting from its stage date (else its effective date, else the day it was stored): figures now are exact; as of an
-- earlier day such a project appears in its current stage and budget from that date. Later events add their points.
insert into project_point (project_id, version, valid_from, event_type, region_code, project_year, category, batch, stage)
select project_id, version, coalesce(stage_date, effective_date, cast(updated_at as date)), 'backfill', region_code,
       project_year, category, batch, stage
from project_fact;
insert into project_point_budget (project_id, version, fund_source, amount)
select b.project_id, f.version, b.fund_source, b.amount
from project_budget b join project_fact f on f.project_id = b.project_id;
