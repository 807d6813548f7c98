-- Fund sources (资金来源) of poverty-alleviation money. Reference data, the same in every region.
-- Government budget money (财政资金) is split by the level of government that provides it; government_level is
-- null for every other source.
create table fund_source (
    code             varchar(64)  primary key,             -- stable English identifier used in the API and events
    name_zh          varchar(50)  not null unique,
    name_en          varchar(100) not null unique,
    government_level varchar(20)  check (government_level in ('central', 'provincial', 'city', 'county')),
    sort_order       integer      not null unique
);

insert into fund_source (code, name_zh, name_en, government_level, sort_order) values
    ('central-budget',        '中央财政资金',     'Central government budget',    'central',    10),
    ('provincial-budget',     '省级财政资金',     'Provincial government budget', 'provincial', 20),
    ('city-budget',           '市级财政资金',     'City government budget',       'city',       30),
    ('county-budget',         '县级财政资金',     'County government budget',     'county',     40),
    ('local-government-debt', '地方债务资金',     'Local government debt',        null,         50),
    ('relocation',            '易地扶贫搬迁资金', 'Relocation funds',             null,         60),
    ('paired-assistance',     '定点扶贫',         'Paired assistance',            null,         70),
    ('east-west-cooperation', '东西协作',         'East-west cooperation',        null,         80),
    ('social-donations',      '社会捐赠',         'Social donations',             null,         90),
    ('bank-loans',            '银行贷款',         'Bank loans',                   null,         100),
    ('self-raised',           '自筹',             'Self-raised',                  null,         110);
