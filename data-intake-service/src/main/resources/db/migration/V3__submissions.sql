-- Submissions (批次): one department's batch for one check year, imported as a background job.
create table submission_batch (
    id               uuid primary key,
    kind             text        not null,
    check_year       integer     not null,
    department       text        not null,
    submitted_by     text        not null,
    format           text        not null,
    strategy         text        not null,
    atomic           boolean     not null,
    dry_run          boolean     not null,
    idempotency_key  text,
    content_sha256   text        not null,
    coverage         text[]      not null default '{}',
    source_method    text,
    file_name        text,
    status           text        not null,
    phase            text        not null,
    rows_read        bigint      not null default 0,
    created          bigint      not null default 0,
    updated          bigint      not null default 0,
    withdrawn        bigint      not null default 0,
    unchanged        bigint      not null default 0,
    rejected         bigint      not null default 0,
    errors           jsonb       not null default '[]',
    message          text,
    late             boolean     not null default false,
    override_by      text,
    started_at       timestamptz not null,
    heartbeat_at     timestamptz not null default now(),
    finished_at      timestamptz,
    unique (department, idempotency_key)
);
create index submission_batch_department on submission_batch (department, check_year, started_at desc);
create index submission_batch_running on submission_batch (heartbeat_at) where status = 'RUNNING';

-- Every version of everything departments reported. One row per (year, kind, area, subject, qualifier) is
-- CURRENT; a correction supersedes it and a withdrawal withdraws it, so history is never erased.
alter table observation rename column data_element to subject;
alter table observation
    add column kind               text    not null default 'VALUE',
    add column qualifier          text    not null default '',
    add column detail             jsonb,
    add column batch_id           uuid,
    add column row_no             integer,
    add column source_method      text,
    add column revision           integer not null default 1,
    add column status             text    not null default 'CURRENT',
    add column supersedes         uuid,
    add column ended_at           timestamptz,
    add column ended_by           text,
    add column ended_in_batch     uuid,
    add column ended_at_row       integer;
alter table observation alter column value drop not null;
alter table observation drop column idempotency_key;
-- Also serves reading an area's observations, so the area index of V1 goes.
create unique index observation_current on observation (area_code, check_year, kind, subject, qualifier)
    where status = 'CURRENT';
drop index observation_area_year;
-- The relay reads a batch's events in row order (R2dbcBatchPublication).
create index observation_batch on observation (batch_id, row_no);
create index observation_ended_in_batch on observation (ended_in_batch, ended_at_row) where ended_in_batch is not null;

-- When departments may submit for a check year. No row: always open.
create table submission_window (
    check_year   integer primary key,
    opens_at     timestamptz not null,
    closes_at    timestamptz not null,
    updated_by   text        not null,
    updated_at   timestamptz not null default now()
);

-- An administrator's permission for one department to submit one check year after the window closed.
create table late_submission_override (
    id           uuid primary key,
    check_year   integer     not null,
    department   text        not null,
    reason       text        not null,
    granted_by   text        not null,
    granted_at   timestamptz not null default now(),
    valid_until  timestamptz not null
);
create index late_submission_override_lookup on late_submission_override (department, check_year);

-- Data locked by review (审核锁定): no batch may change it while the lock holds.
create table review_lock (
    id            uuid primary key,
    check_year    integer     not null,
    area_code     text        not null,
    subject       text,
    reason        text        not null,
    locked_by     text        not null,
    locked_at     timestamptz not null default now(),
    released_by   text,
    released_at   timestamptz
);
create index review_lock_active on review_lock (check_year) where released_at is null;
