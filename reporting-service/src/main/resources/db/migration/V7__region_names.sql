-- Issue 12 (dashboard): region names and the freshness of the consumed events.

-- Region names (区划名称), loaded by report-admin through PUT /api/v1/admin/region-names (bulk, region-scoped).
-- region_code is the 12-digit zero-padded code, region_prefix its prefix (522428000000 → 522428), level its depth
-- (province, city, county, township, village); the national name is not stored (it is 全国).
create table region_name (
    region_code   varchar(12)  primary key,
    region_prefix varchar(12)  not null,
    level         varchar(10)  not null,
    name          varchar(100) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(200) not null
);
create index region_name_prefix on region_name (region_prefix text_pattern_ops);

-- The children of a region the data knows (GET /api/v1/region-names?parent=): every prefix that ever had a household
-- has a 'registered' counter of all years (year 0), so this index lists the known prefixes, one entry each.
create index household_rollup_known_prefix on household_rollup (region_prefix text_pattern_ops)
    where figure = 'registered' and year = 0;

-- Freshness (数据截至): per consumer (incoming channel), the time (ce_time) of the latest event it applied and when it
-- applied it; advanced (never moved back) as the last statement of the consumer's transaction, so it commits with the
-- effect. A report's freshness is the latest of the consumers it depends on.
create table consumer_freshness (
    consumer        varchar(64) primary key,
    latest_event_at timestamptz not null,
    applied_at      timestamptz not null
);
