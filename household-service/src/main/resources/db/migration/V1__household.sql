-- Registered households (建档立卡户). Resident ID numbers are stored encrypted, with a keyed hash for look-ups.
create sequence household_code_seq;

create table household (
    id                uuid primary key,
    household_code    varchar(32)  not null unique,      -- 户编号
    region_code       varchar(12)  not null,             -- village code (统计用区划代码)
    head_name         varchar(50)  not null,             -- 户主姓名
    head_id_hash      varchar(64)  not null,             -- HMAC of the head's resident ID number
    head_id_encrypted text         not null,             -- AES-GCM of the head's resident ID number
    head_id_masked    varchar(18)  not null,             -- 522428********1234
    member_count      integer      not null check (member_count between 1 and 50),
    status            varchar(20)  not null,
    version           bigint       not null,
    created_at        timestamptz  not null,
    created_by        varchar(200) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(200) not null
);
create index household_region on household (region_code text_pattern_ops);

-- One person, one registered household (数据比对), enforced by the database, not only in Java.
create unique index household_one_person on household (head_id_hash) where status = 'REGISTERED';
