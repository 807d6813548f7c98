-- The fund ledger (资金台账): allocation documents, one account per project × fund source, and the insert-only ledger
-- entries (docs/fund-ledger.md). The domain (FundLedger) decides every posting under row locks; the checks below are the
-- last line under races and against a faulty caller: a violation is mapped to 409/422, never a 500.

-- 资金下达文件 / 指标文件. The number is unique per receiving county and source (one file may carry several sources:
-- each is recorded as its own document). lined = Σ its lines' amounts, never above the amount (lines ≤ document).
create table allocation_document (
    id               uuid          primary key,
    document_number  varchar(100)  not null,               -- e.g. X财农〔2019〕12号
    document_date    date          not null,               -- the allocation's business date
    fund_source      varchar(64)   not null references fund_source (code),
    budget_year      integer       not null,               -- 资金年度
    issuing_region   varchar(12)   not null,               -- the county itself or a region above (000000000000 = central)
    receiving_county varchar(12)   not null,
    amount           numeric(14,2) not null check (amount > 0),
    lined            numeric(14,2) not null default 0,
    version          bigint        not null default 0,
    created_at       timestamptz   not null default now(),
    created_by       varchar(200)  not null,
    constraint allocation_document_lined check (lined >= 0 and lined <= amount),
    constraint allocation_document_number unique (receiving_county, document_number, fund_source)
);
create index allocation_document_county on allocation_document (receiving_county text_pattern_ops);
create index allocation_document_year on allocation_document (budget_year, fund_source);

-- One project × source account: the running totals (a cache of the sum of its entries' deltas, kept in the same
-- transaction). The chain 0 ≤ reimbursed ≤ disbursed ≤ allocated is a constraint; allocated ≤ budget is checked by the
-- domain under the project replica row's lock (the budget lives in project_replica_budget and may later be cut below
-- allocated — an overrun that must stay storable and visible).
create table fund_account (
    project_id   uuid          not null,
    fund_source  varchar(64)   not null references fund_source (code),
    county_code  varchar(12)   not null,
    region_code  varchar(12)   not null,                   -- the project's region (for region-scoped queries)
    allocated    numeric(14,2) not null default 0,
    disbursed    numeric(14,2) not null default 0,
    reimbursed   numeric(14,2) not null default 0,
    version      bigint        not null default 0,
    updated_at   timestamptz   not null default now(),
    primary key (project_id, fund_source),
    constraint fund_account_chain check (0 <= reimbursed and reimbursed <= disbursed and disbursed <= allocated)
);
create index fund_account_region on fund_account (region_code text_pattern_ops);

-- The ledger version of a project (the fund aggregate = a project's ledger): the outbox event's aggregate version. Bumped
-- once per posting touching the project, under the same locks.
create table project_ledger (
    project_id  uuid        primary key,
    county_code varchar(12) not null,
    version     bigint      not null default 0
);

-- Every movement of money, insert-only (专款专用: ALLOCATION, ADJUSTMENT_OUT/IN, DISBURSEMENT, REIMBURSEMENT, REVERSAL,
-- RECALL). Nothing here is ever updated or deleted; a wrong voucher is reversed by a REVERSAL entry referencing it.
create table ledger_entry (
    id                     uuid          primary key,
    kind                   varchar(24)   not null check (kind in ('ALLOCATION', 'ADJUSTMENT_OUT', 'ADJUSTMENT_IN',
                                                 'DISBURSEMENT', 'REIMBURSEMENT', 'REVERSAL', 'RECALL')),
    project_id             uuid          not null,
    fund_source            varchar(64)   not null references fund_source (code),
    county_code            varchar(12)   not null,
    region_code            varchar(12)   not null,           -- the project's region when recorded
    amount                 numeric(14,2) not null check (amount > 0),
    business_date          date          not null,           -- document / payment order / voucher / reversal date
    number                 varchar(100)  not null,           -- document, payment order or voucher number
    document_id            uuid          references allocation_document (id), -- ALLOCATION only
    reference_id           uuid,                             -- REVERSAL: the voucher entry; ADJUSTMENT_*: adjustment id
    counterpart_project_id uuid,                             -- ADJUSTMENT_*: the other project
    reason                 varchar(1000),
    expense_kind           varchar(500),                     -- REIMBURSEMENT: 支出类别
    allocated_delta        numeric(14,2) not null default 0,
    disbursed_delta        numeric(14,2) not null default 0,
    reimbursed_delta       numeric(14,2) not null default 0,
    ledger_version         bigint        not null,           -- the project's ledger version after this posting
    recorded_at            timestamptz   not null default now(),
    recorded_by            varchar(200)  not null,
    constraint ledger_entry_account foreign key (project_id, fund_source) references fund_account (project_id, fund_source),
    constraint ledger_entry_document check ((kind = 'ALLOCATION') = (document_id is not null))
);
-- Voucher numbers are unique per county (a reversed voucher keeps its number: a new voucher takes a new one).
create unique index ledger_entry_voucher on ledger_entry (county_code, number) where kind = 'REIMBURSEMENT';
-- A voucher is reversed at most once.
create unique index ledger_entry_reversal on ledger_entry (reference_id) where kind = 'REVERSAL';
create index ledger_entry_account_date on ledger_entry (project_id, fund_source, business_date);
create index ledger_entry_region_date on ledger_entry (region_code text_pattern_ops, business_date);
create index ledger_entry_document on ledger_entry (document_id) where document_id is not null;
create index ledger_entry_number on ledger_entry (county_code, number);
