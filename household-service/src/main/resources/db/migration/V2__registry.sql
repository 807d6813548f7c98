-- The full registry: workflow state, members, income, causes, assistance, monitoring, history.

alter table household rename column status to state;
alter table household alter column state type varchar(32);
alter table household
    add column household_type       varchar(32)  not null default 'ORDINARY',
    add column main_cause           varchar(32),
    add column other_causes         varchar(400) not null default '',
    add column origin               varchar(20)  not null default 'APPLICATION',  -- APPLICATION, NOMINATION, IMPORT
    add column omission_correction  boolean      not null default false,          -- 漏评 registered anew
    add column identification_year integer,
    add column exit_year            integer,
    add column removal_reason       varchar(500),
    add column notice_started_on    date,
    add column last_step_on         date,
    add column income_year          integer,
    add column net_income           numeric(14, 2),
    add column monitored            boolean      not null default false,
    add column monitored_since      date,
    add column monitoring_reasons   varchar(400),
    add column cadre_id             varchar(64),
    add column cadre_name           varchar(50),
    add column cadre_phone          varchar(30),
    add column cadre_assigned_on    date;
update household set identification_year = extract(year from created_at)::int where state = 'REGISTERED';
drop index household_one_person;
create index household_state on household (state);
create index household_no_cadre on household (region_code) where cadre_id is null and state = 'REGISTERED';

-- Members (家庭成员). The head is the member with relation HEAD.
create table household_member (
    id               uuid primary key,
    household_id     uuid         not null references household (id),
    position         integer      not null,
    name             varchar(50)  not null,
    id_hash          varchar(64)  not null,
    id_encrypted     text         not null,
    id_masked        varchar(18)  not null,
    person_id        varchar(32)  not null,      -- pseudonymous id carried in events
    relation         varchar(32)  not null,      -- HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER
    sex              varchar(8)   not null,
    birth_date       date         not null,
    health           varchar(32)  not null,      -- HEALTHY, CHRONIC_ILLNESS, SERIOUS_ILLNESS
    disability       varchar(32)  not null,      -- NONE, GRADE_1..GRADE_4
    labour_ability   varchar(32)  not null,      -- NORMAL, WEAK, NONE
    education        varchar(32)  not null,
    schooling_status varchar(32)  not null,      -- NOT_OF_SCHOOL_AGE, IN_SCHOOL, DROPPED_OUT, GRADUATED
    migrant_work     boolean      not null,
    active           boolean      not null       -- false once the household is removed
);
create index household_member_household on household_member (household_id);
-- One person, one active household (数据比对), enforced by the database.
create unique index household_member_one_household on household_member (id_hash) where active;
insert into household_member (id, household_id, position, name, id_hash, id_encrypted, id_masked, person_id, relation, sex,
                              birth_date, health, disability, labour_ability, education, schooling_status, migrant_work, active)
select gen_random_uuid(), id, 0, head_name, head_id_hash, head_id_encrypted, head_id_masked, substr(head_id_hash, 1, 32), 'HEAD',
       'UNKNOWN', date '1900-01-01', 'HEALTHY', 'NONE', 'NORMAL', 'UNKNOWN', 'NOT_OF_SCHOOL_AGE', false, true
from household;

-- Income items of the assessed year (收入明细).
create table household_income_item (
    household_id uuid           not null references household (id),
    kind         varchar(32)    not null,
    amount       numeric(14, 2) not null check (amount >= 0),
    primary key (household_id, kind)
);

-- Assistance measures (帮扶措施) and visit log (民情日记).
create table assistance_measure (
    id           uuid primary key,
    household_id uuid         not null references household (id),
    kind         varchar(32)  not null,
    description  varchar(500) not null,
    started_on   date         not null,
    created_by   varchar(200) not null,
    created_at   timestamptz  not null
);
create table visit_log (
    id           uuid primary key,
    household_id uuid          not null references household (id),
    visited_on   date          not null,
    visitor      varchar(200)  not null,
    notes        varchar(2000) not null,
    created_at   timestamptz   not null
);

-- History: who changed what, when, from which state to which. Nothing is ever deleted.
create table household_history (
    seq          bigserial primary key,
    household_id uuid          not null references household (id),
    at           timestamptz   not null,
    actor        varchar(200)  not null,
    action       varchar(64)   not null,
    from_state   varchar(32),
    to_state     varchar(32),
    step_date    date,
    remarks      varchar(2000)
);
create index household_history_household on household_history (household_id, seq);
