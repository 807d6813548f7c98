-- Kinds of check that produce findings to rectify (问题来源). Reference data, the same in every region.
create table finding_source_type (
    code       varchar(64)  primary key,                   -- stable English identifier used in the API and events
    name_zh    varchar(50)  not null unique,
    name_en    varchar(100) not null unique,
    sort_order integer      not null unique
);

insert into finding_source_type (code, name_zh, name_en, sort_order) values
    ('inspection',  '巡视', 'Inspection',  10),
    ('assessment',  '考核', 'Assessment',  20),
    ('audit',       '审计', 'Audit',       30),
    ('supervision', '督查', 'Supervision', 40);
