-- rectification-service's replica of the allocation documents (资金下达文件) of fund-service, built only from
-- fupin.fund.v1: every fund.allocated.v1 event (one line of a document giving a project money) names its document, the
-- document's number and date and the county that receives it. An issue may link a fund document only if this replica
-- knows it and it lies in the issue's county (LinkRules, as households and projects). A document becomes known with its
-- first line; a document entered in fund-service without any line yet published no event and is not known.
-- The attributes of a document never change once entered, so the first line seen is kept and replays are no-ops.
create table fund_document_rc (
    id               uuid         primary key,              -- fund-service's allocation document id
    document_number  varchar(100) not null,                 -- e.g. X财农〔2019〕12号
    document_date    date         not null,
    document_year    integer      not null,                 -- 指标年度
    issuing_region   varchar(12)  not null,                 -- 000000000000 = central
    county_code      varchar(12)  not null,                 -- the receiving county: the document's region for links
    fund_source      varchar(64)  not null,
    first_event_id   uuid         not null,                 -- the event that made it known (for tracing)
    created_at       timestamptz  not null default now()
);
create index fund_document_rc_county on fund_document_rc (county_code text_pattern_ops);
