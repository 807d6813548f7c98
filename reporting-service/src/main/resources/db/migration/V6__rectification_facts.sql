-- Rectification figures (整改): the issues of fupin.rectification.v1, one row per issue (the snapshot of the newest
-- version received: what a report filters and groups on) and one row per event version (its business date, the state
-- and the deadline in force after it). The figures as of a day are a function of the set of steps (domain IssueFact,
-- RectificationFigures), so they do not depend on the order or the number of times the events arrived.

create table rectification_fact (
    issue_id               uuid primary key,
    version                bigint       not null,      -- the version the snapshot below is of (the newest received)
    source_id              uuid         not null,
    source_type            varchar(40)  not null,
    source_document_number varchar(100) not null,
    source_date            date,                       -- from the raise event (null before it arrived, or in events published before it was added)
    category               varchar(64)  not null,
    region_code            varchar(12)  not null,
    lead_unit              varchar(100) not null,
    term                   varchar(16)  not null,
    raised_on              date         not null,
    original_deadline      date         not null,
    updated_at             timestamptz  not null default now()
);
create index rectification_fact_region on rectification_fact (region_code text_pattern_ops);
create index rectification_fact_source on rectification_fact (source_id);

-- One row per event version of an issue, never replaced (a version already held is a replay: first one kept).
create table rectification_step (
    issue_id       uuid        not null,
    version        bigint      not null,
    event_id       uuid        not null,
    event_type     varchar(60) not null,
    effective_date date        not null,               -- the business date of the step
    state          varchar(16) not null,               -- the state after it
    deadline       date        not null,               -- the deadline in force after it
    primary key (issue_id, version)
);
