-- Project categories of the national poverty-alleviation project library (项目库), thirteen in all.
-- Reference data, the same in every region. needs_beneficiaries: a project of this category must name the
-- households it benefits (带贫户); a record of such a category without them counts as incomplete.
create table project_category (
    code                varchar(64)  primary key,          -- stable English identifier used in the API and events
    name_zh             varchar(50)  not null unique,
    name_en             varchar(100) not null unique,
    needs_beneficiaries boolean      not null,
    sort_order          integer      not null unique
);

insert into project_category (code, name_zh, name_en, needs_beneficiaries, sort_order) values
    ('industry',                       '产业扶贫',       'Industry',                         true,  10),
    ('employment',                     '就业扶贫',       'Employment',                       true,  20),
    ('relocation',                     '易地扶贫搬迁',   'Relocation',                       true,  30),
    ('public-welfare-posts',           '公益岗位',       'Public-welfare posts',             true,  40),
    ('education',                      '教育扶贫',       'Education',                        true,  50),
    ('health',                         '健康扶贫',       'Health',                           true,  60),
    ('dilapidated-housing-renovation', '危房改造',       'Dilapidated-housing renovation',   true,  70),
    ('financial',                      '金融扶贫',       'Financial',                        true,  80),
    ('living-conditions',              '生活条件改善',   'Living conditions',                false, 90),
    ('comprehensive-safety-net',       '综合保障性扶贫', 'Comprehensive safety net',         false, 100),
    ('village-infrastructure',         '村基础设施',     'Village infrastructure',           false, 110),
    ('village-public-services',        '村公共服务',     'Village public services',          false, 120),
    ('project-management-costs',       '项目管理费',     'Project management costs',         false, 130);
