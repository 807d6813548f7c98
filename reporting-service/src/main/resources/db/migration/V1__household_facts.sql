-- One row per household, kept from household events; figures are aggregated by region prefix at query time.
create table household_fact (
    household_id  uuid primary key,
    region_code   varchar(12) not null,
    member_count  integer     not null,
    status        varchar(20) not null,
    version       bigint      not null,              -- last applied aggregate version: older events are ignored
    updated_at    timestamptz not null default now()
);
create index household_fact_region on household_fact (region_code text_pattern_ops);
