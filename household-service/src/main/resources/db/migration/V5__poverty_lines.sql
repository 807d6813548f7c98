-- Poverty lines (贫困线) per province and year, in yuan per person and year, loaded by an administrator through
-- PUT /api/v1/admin/poverty-lines. Province '00' is the national default. A line here takes precedence over the
-- configured one (fupin.household.province-poverty-line / fupin.household.poverty-line) for the same province and year.
create table poverty_line (
    province_code varchar(2)     not null check (province_code ~ '^[0-9]{2}$'),
    year          integer        not null check (year between 2000 and 2100),
    amount        numeric(14, 2) not null check (amount > 0),
    updated_at    timestamptz    not null,
    updated_by    varchar(200)   not null,
    primary key (province_code, year)
);

-- V2 created a member for each household registered before it, with sex 'UNKNOWN', education 'UNKNOWN' and the
-- birth date 1900-01-01: values the Java enums (ResidentIdNumber.Sex, MemberAttributes.Education) cannot read, so
-- loading such a household failed. They were never known: store them as unknown (NULL). The next update of the
-- household supplies them, as every update requires each member's sex, birth date and education.
alter table household_member
    alter column sex drop not null,
    alter column education drop not null,
    alter column birth_date drop not null;
update household_member set birth_date = null where sex = 'UNKNOWN' and birth_date = date '1900-01-01';
update household_member set sex = null where sex not in ('MALE', 'FEMALE');
update household_member set education = null
where education not in ('NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'VOCATIONAL', 'TERTIARY', 'PRESCHOOL');
