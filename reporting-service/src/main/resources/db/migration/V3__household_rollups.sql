-- Roll-ups: the household figures and the data-quality count per region prefix at every level (national '', province
-- 2, city 4, county 6, township 9, village 12 digits), kept by the projection in the same transaction as the facts
-- (HouseholdProjection.applyAll adds each batch's deltas), so a report reads a handful of rows whatever the region's
-- size. A counter may be 0 (its households moved on); a missing row is 0.
--
-- household_rollup.figure: registered, exited, returned, removed, remaining, monitored (HouseholdFigure).
-- household_rollup.year: 0 = all years; a year-bound figure (registered, exited, returned, removed) counts a household
-- under 0 and under its year (identification, exit, latest return, removal year; a null year only under 0);
-- remaining and monitored only under 0.
create table household_rollup (
    region_prefix varchar(12) not null,
    figure        varchar(20) not null,
    year          integer     not null,
    households    bigint      not null,
    persons       bigint      not null,
    primary key (region_prefix, figure, year)
);

-- 数据比对: persons (pseudonymous ids) in at least two non-removed households inside the prefix.
create table data_quality_rollup (
    region_prefix                varchar(12) primary key,
    persons_in_several_households bigint     not null
);

-- The projection looks up every household of the persons a batch touches: person → households, index only.
create index household_person_person_household on household_person (person_id, household_id);
drop index household_person_person;

-- The roll-ups recomputed from the facts, for the prefixes inside a scope ('' = all): used once below to fill the
-- roll-ups of an existing database, and by the roll-up check (HouseholdRollupRepository.check), which compares them
-- with the counters. Written independently of the projection's Java (HouseholdFact.contributions), on purpose.
create function household_rollup_recomputed(scope varchar)
    returns table (region_prefix varchar, figure varchar, year integer, households bigint, persons bigint)
    language sql stable as $$
    select left(f.region_code, l.n)::varchar, c.figure::varchar, c.year, count(*), sum(f.member_count)::bigint
    from household_fact f
    cross join (values (0), (2), (4), (6), (9), (12)) as l(n)
    cross join lateral (values
        ('registered', 0, f.status in ('REGISTERED', 'EXITED')),
        ('registered', f.identification_year, f.status in ('REGISTERED', 'EXITED') and f.identification_year is not null),
        ('exited', 0, f.status = 'EXITED'),
        ('exited', f.exit_year, f.status = 'EXITED' and f.exit_year is not null),
        ('returned', 0, f.return_count > 0),
        ('returned', f.last_return_year, f.return_count > 0 and f.last_return_year is not null),
        ('removed', 0, f.status = 'REMOVED'),
        ('removed', f.removed_year, f.status = 'REMOVED' and f.removed_year is not null),
        ('remaining', 0, f.status = 'REGISTERED'),
        ('monitored', 0, f.monitored and f.status <> 'REMOVED')) as c(figure, year, counts)
    where c.counts and f.region_code like scope || '%' and l.n >= length(scope)
    group by 1, 2, 3
$$;

create function data_quality_rollup_recomputed(scope varchar)
    returns table (region_prefix varchar, persons_in_several_households bigint)
    language sql stable as $$
    select s.prefix::varchar, count(*)
    from (select p.person_id, left(f.region_code, l.n) as prefix
          from household_person p
          join household_fact f on f.household_id = p.household_id
          cross join (values (0), (2), (4), (6), (9), (12)) as l(n)
          where f.status <> 'REMOVED' and f.region_code like scope || '%' and l.n >= length(scope)
          group by p.person_id, left(f.region_code, l.n)
          having count(*) > 1) s
    group by s.prefix
$$;

insert into household_rollup (region_prefix, figure, year, households, persons)
select region_prefix, figure, year, households, persons from household_rollup_recomputed('');

insert into data_quality_rollup (region_prefix, persons_in_several_households)
select region_prefix, persons_in_several_households from data_quality_rollup_recomputed('');
