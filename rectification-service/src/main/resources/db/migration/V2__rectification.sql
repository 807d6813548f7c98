-- Rectification (问题整改): sources of findings, the issue list (问题清单) with responsible units, links, deadlines and
-- milestones, the ledger (整改台账) with its evidence files (佐证材料), deadline extensions and each issue's history.
-- The rules live in the domain (IssueLifecycle); these tables store what it decided. Nothing is ever deleted.

insert into finding_source_type (code, name_zh, name_en, sort_order) values
    ('self-check',   '自查',     'Self-check',   50),
    ('system-check', '系统核查', 'System check', 60);

-- A source (问题来源): the inspection, assessment, audit, supervision or self-check document, or the standing source of
-- one system-check rule. region_prefix is the significant prefix of the inspected region ('' for system-check sources,
-- which serve every region).
create table finding_source (
    id              uuid primary key,
    source_type     varchar(64)  not null references finding_source_type (code),
    issuing_body    varchar(200) not null,              -- e.g. 省委第三巡视组
    document_number varchar(100) not null,              -- e.g. X扶组〔2021〕2号; a system-check source: the rule code
    document_date   date         not null,
    region_code     varchar(12),                        -- the inspected region (null for system-check sources)
    region_prefix   varchar(12)  not null,
    system_rule     varchar(64)  unique,                -- the rule of a standing system-check source
    created_at      timestamptz  not null,
    created_by      varchar(200) not null
);
create unique index finding_source_document on finding_source (issuing_body, document_number);
create index finding_source_region on finding_source (region_prefix varchar_pattern_ops);

-- One standing source per system-check rule (body 系统核查, document number = rule code), with fixed ids.
insert into finding_source (id, source_type, issuing_body, document_number, document_date, region_code, region_prefix,
                            system_rule, created_at, created_by) values
    ('00000000-0000-4000-8000-000000000001', 'system-check', '系统核查', 'project-incomplete',        '2016-01-01', null, '', 'project-incomplete',        now(), 'system-check'),
    ('00000000-0000-4000-8000-000000000002', 'system-check', '系统核查', 'project-overdue',           '2016-01-01', null, '', 'project-overdue',           now(), 'system-check'),
    ('00000000-0000-4000-8000-000000000003', 'system-check', '系统核查', 'project-reimbursement-low', '2016-01-01', null, '', 'project-reimbursement-low', now(), 'system-check'),
    ('00000000-0000-4000-8000-000000000004', 'system-check', '系统核查', 'household-without-cadre',   '2016-01-01', null, '', 'household-without-cadre',   now(), 'system-check'),
    ('00000000-0000-4000-8000-000000000005', 'system-check', '系统核查', 'monitored-without-measure', '2016-01-01', null, '', 'monitored-without-measure', now(), 'system-check');

-- An issue (问题) and where it stands. finding_key = <rule code>:<object id> for system-check issues.
create table rectification_issue (
    id                uuid primary key,
    source_id         uuid          not null references finding_source (id),
    finding_key       varchar(200),
    description       text          not null,
    category          varchar(64)   not null,
    region_code       varchar(12)   not null,
    lead_unit         varchar(100)  not null,             -- 牵头单位 (the unit claim of its tokens)
    term              varchar(16)   not null check (term in ('SHORT', 'LONG_TERM')),
    measures          text          not null,             -- 整改措施
    state             varchar(16)   not null check (state in ('OPEN', 'IN_PROGRESS', 'REPORTED', 'RETURNED', 'CLOSED')),
    raised_on         date          not null,
    original_deadline date          not null,
    deadline          date          not null,             -- in force now (after extensions)
    return_count      integer       not null default 0,
    closed_on         date,
    closing_remark    text,
    version           bigint        not null,
    created_at        timestamptz   not null,
    created_by        varchar(200)  not null,
    updated_at        timestamptz   not null,
    updated_by        varchar(200)  not null
);
-- the database's guard of "one open issue per rule and object": a replayed or concurrent finding cannot raise a second
create unique index rectification_issue_open_finding on rectification_issue (finding_key) where state <> 'CLOSED';
create index rectification_issue_region on rectification_issue (region_code varchar_pattern_ops);
create index rectification_issue_source on rectification_issue (source_id);
create index rectification_issue_lead_unit on rectification_issue (lead_unit);
create index rectification_issue_state on rectification_issue (state);

-- 配合单位, in the order given.
create table issue_co_unit (
    issue_id uuid         not null references rectification_issue (id),
    position integer      not null,
    unit     varchar(100) not null,
    primary key (issue_id, position)
);
create index issue_co_unit_unit on issue_co_unit (unit, issue_id);

-- What the issue is about: households, projects, fund documents of the other services, by id.
create table issue_link (
    issue_id  uuid        not null references rectification_issue (id),
    kind      varchar(16) not null check (kind in ('household', 'project', 'fund-document')),
    position  integer     not null,
    object_id uuid        not null,
    primary key (issue_id, kind, position)
);
create index issue_link_object on issue_link (object_id);

-- 佐证材料: the bytes as uploaded, their SHA-256, size and the content type detected from the bytes (never the client's).
create table evidence_file (
    id            uuid primary key,
    issue_id      uuid         not null references rectification_issue (id),
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null check (size_bytes > 0),
    sha256        char(64)     not null,
    content       bytea        not null,
    uploaded_at   timestamptz  not null,
    uploaded_by   varchar(200) not null,
    uploaded_unit varchar(100)
);
create index evidence_file_issue on evidence_file (issue_id);

-- 整改台账: numbered from 1 per issue, insert-only.
create table ledger_entry (
    id               bigserial primary key,
    issue_id         uuid         not null references rectification_issue (id),
    number           integer      not null,
    entry_date       date         not null,
    text             text         not null,
    kind             varchar(16)  not null check (kind in ('PROGRESS', 'REPORT', 'SYSTEM')),
    recorded_by      varchar(200) not null,
    unit             varchar(100),
    milestone_number integer,
    recorded_at      timestamptz  not null,
    unique (issue_id, number)
);

-- The evidence files a ledger entry names (a report may name files uploaded with earlier entries), in the order given.
create table ledger_evidence (
    entry_id    bigint  not null references ledger_entry (id),
    position    integer not null,
    evidence_id uuid    not null references evidence_file (id),
    primary key (entry_id, position)
);
create index ledger_evidence_file on ledger_evidence (evidence_id);

-- 整改延期: every extension kept, effective from its approval date.
create table deadline_extension (
    id                bigserial primary key,
    issue_id          uuid         not null references rectification_issue (id),
    number            integer      not null,
    previous_deadline date         not null,
    new_deadline      date         not null check (new_deadline > previous_deadline),
    reason            text         not null,
    approver          varchar(200) not null,
    approved_on       date         not null,
    recorded_by       varchar(200) not null,
    recorded_at       timestamptz  not null,
    unique (issue_id, number)
);

-- Milestones of long-term issues (阶段目标), numbered from 1 in due order; reached by a ledger entry.
create table milestone (
    id           bigserial primary key,
    issue_id     uuid    not null references rectification_issue (id),
    number       integer not null,
    description  text    not null,
    due_date     date    not null,
    reached_on   date,
    entry_number integer,
    unique (issue_id, number)
);

-- Each step of the workflow: raised, accepted, reported, returned (reason), closed (closing remark), extended.
create table issue_history (
    id             bigserial primary key,
    issue_id       uuid         not null references rectification_issue (id),
    position       integer      not null,
    step           varchar(32),                          -- null: raised
    from_state     varchar(16),
    to_state       varchar(16)  not null,
    effective_date date         not null,
    actor          varchar(200) not null,
    remark         text,
    recorded_at    timestamptz  not null,
    unique (issue_id, position)
);
