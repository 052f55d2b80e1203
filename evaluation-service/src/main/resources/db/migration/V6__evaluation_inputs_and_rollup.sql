-- Evaluation keeps what departments reported (every version; a correction or a withdrawal supersedes,
-- never erases), works out which results a change touches (evaluation_pending), and recomputes those in
-- rounds: deepest areas first, so an area's result is computed from its children's current results.

-- Where an area sits: its ancestors (root first, itself last), its city, and how many areas of each item
-- level its subtree holds (the totals of item counts: "3 of 20 buildings"). Derived from parent_code by
-- AreaRollup after every area import.
alter table area
    add column path         text[],
    add column city_code    text,
    add column buildings    bigint not null default 0,
    add column compounds    bigint not null default 0,
    add column communities  bigint not null default 0,
    add column streets      bigint not null default 0;

-- Reported values (统计数据), every version. The current one per key is the highest revision; when that
-- version is withdrawn, the key has no value.
create table observed_value (
    observation_id  uuid primary key,
    check_year      integer     not null,
    area_code       text        not null,
    data_element    text        not null,
    value           numeric     not null,
    unit            text,
    revision        integer     not null,
    supersedes      uuid,
    department      text        not null,
    batch_id        uuid,
    row_no          integer,
    accepted_at     timestamptz not null
);
create index observed_value_key on observed_value (check_year, data_element, area_code, revision desc);

-- Item-level findings (逐项问题), every version; current as for values, per indicator, area and finding type.
create table finding (
    finding_id      uuid primary key,
    check_year      integer     not null,
    indicator_code  text        not null,
    area_code       text        not null,
    finding_type    text        not null,
    severity        text,
    description_zh  text,
    revision        integer     not null,
    supersedes      uuid,
    department      text        not null,
    batch_id        uuid,
    row_no          integer,
    reported_at     timestamptz not null
);
create index finding_key on finding (check_year, indicator_code, area_code, finding_type, revision desc);

-- Withdrawals of values and findings; a withdrawal may arrive before the version it withdraws.
create table withdrawal (
    observation_id  uuid primary key,
    kind            text        not null,
    department      text        not null,
    batch_id        uuid,
    row_no          integer,
    withdrawn_at    timestamptz not null
);

-- What item-level surveys covered, per indicator: each area stands for its whole subtree.
create table survey_coverage (
    check_year      integer     not null,
    indicator_code  text        not null,
    area_code       text        not null,
    batch_id        uuid        not null,
    department      text        not null,
    accepted_at     timestamptz not null,
    primary key (check_year, indicator_code, area_code)
);

-- Results to compute again. level_rank orders the work: buildings before compounds before communities.
-- Append-only, without a unique key: marking never waits for a lock (a unique key made the rounds, which
-- delete what they claim and mark parents, deadlock with the consumers marking the same results); a
-- result marked twice is computed once: the round that claims it removes its other marks too.
create table evaluation_pending (
    id              bigserial   primary key,
    check_year      integer     not null,
    indicator_code  text        not null,
    area_code       text        not null,
    level_rank      smallint    not null,
    marked_at       timestamptz not null default now(),
    traceparent     text
);
create index evaluation_pending_order on evaluation_pending (level_rank desc, id);
-- A round takes every mark of the results it computes, duplicates included.
create index evaluation_pending_key on evaluation_pending (check_year, indicator_code, area_code);

-- A result now says which level it is at and, for counts and sums, how much of the area was surveyed.
alter table indicator_result
    add column area_level          text,
    add column evaluation_level    text,
    add column items_failing       bigint,
    add column items_surveyed      bigint,
    add column items_total         bigint,
    add column numerator           numeric,
    add column denominator         numeric,
    add column missing             text[] not null default '{}',
    add column grade               text,
    add column standard_revision   bigint,
    add column detail_zh           text,
    add column severity            text;
create index indicator_result_year_indicator on indicator_result (check_year, indicator_code, verdict);

alter table indicator_result_history
    add column unit                text,
    add column area_level          text,
    add column evaluation_level    text,
    add column items_failing       bigint,
    add column items_surveyed      bigint,
    add column items_total         bigint,
    add column numerator           numeric,
    add column denominator         numeric,
    add column missing             text[] not null default '{}',
    add column grade               text,
    add column standard_revision   bigint,
    add column detail_zh           text,
    add column severity            text,
    add column round_id            bigint,
    add column round_position      integer;
-- The relay publishes a round's new versions from here (one outbox row per round).
create index indicator_result_history_round on indicator_result_history (round_id, round_position)
    where round_id is not null;

create sequence evaluation_round_id;
