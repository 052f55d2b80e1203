-- The problem ledger grows into the rectification workflow (docs/ledger.md):
-- area path, classing, suggestion, responsible unit, deadline, workflow status, flags, lineage and a version for
-- optimistic concurrency; an append-only history; complaint counts from public feedback.
alter table problem
    add column area_level             text,
    add column street_code            text,
    add column community_code         text,
    add column compound_code          text,
    add column building_code          text,
    add column explanation            text,
    add column severity               text,
    add column class_reason           text        not null default 'INDICATOR_DEFAULT',
    add column suggestion             text,
    add column rectification_area     text,
    add column problem_type           text,
    add column responsible_unit       text,
    add column deadline               date,
    add column overdue                boolean     not null default false,
    add column passed_without_report  boolean     not null default false,
    add column verified_by            text,
    add column result_version         integer     not null default 0,
    add column carried_from           uuid references problem (id),
    add column fixed_at               timestamptz,
    add column verified_at            timestamptz,
    add column updated_at             timestamptz not null default now(),
    add column version                bigint      not null default 1;

-- a carried problem enters the next year once
create unique index problem_carried_from on problem (carried_from) where carried_from is not null;
create index problem_unit on problem (responsible_unit, check_year) where responsible_unit is not null;
create index problem_deadline on problem (deadline) where not overdue and deadline is not null
    and status not in ('REPORTED_FIXED', 'VERIFIED', 'DISMISSED');

-- Append-only: rows are inserted, never updated or deleted; (problem_id, version) orders a problem's history.
create table problem_history (
    problem_id   uuid        not null references problem (id),
    version      bigint      not null,
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    from_status  text        not null,
    to_status    text        not null,
    reason       text,
    payload      jsonb       not null default '{}',
    primary key (problem_id, version)
);

create function problem_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'problem_history is append-only';
end $$;
create trigger problem_history_append_only before update or delete on problem_history
    for each row execute function problem_history_is_append_only();

-- Hotline complaint counts (PublicFeedbackReported of kind HOTLINE) per check year, area and topic. A revision
-- names the figure it supersedes, which then no longer counts.
create table complaint (
    feedback_id  uuid        primary key,
    check_year   integer     not null,
    area_code    text        not null,
    topic        text        not null,
    value        numeric     not null,
    supersedes   uuid,
    reported_at  timestamptz not null
);
create index complaint_topic on complaint (check_year, topic, area_code);
