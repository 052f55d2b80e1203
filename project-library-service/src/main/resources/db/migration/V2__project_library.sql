-- The project library (docs/project-library.md). The V1 skeleton held one draft per problem and no data worth
-- keeping; it is replaced (forward only: V1 stays as it ran).
drop table if exists project_problem;
drop table if exists project;

-- The library's copy of ledger problems (ledger.problems.v1): what drafting needs, with the latest status.
create table problem_copy (
    problem_id           uuid primary key,
    check_year           integer     not null,
    area_code            text        not null,
    indicator_code       text        not null,
    indicator_name_zh    text        not null,
    result_value         numeric,
    unit                 text,
    standard             text,
    description          text,
    rectification_class  text        not null,
    status               text        not null,
    status_version       bigint      not null,
    updated_at           timestamptz not null default now()
);
create index problem_copy_lookup on problem_copy (check_year, indicator_code, area_code);

create table project (
    id                    uuid primary key,
    check_year            integer     not null,
    plan_year             integer     not null,
    name                  text        not null,
    project_type          text        not null,
    status                text        not null,
    area_codes            text[]      not null,
    construction_content  text        not null,
    scale                 text,
    scale_quantity        numeric,
    scale_unit            text,
    investment_wan        numeric,
    estimate              text,
    expected_effect       text,
    department            text,
    start_year            integer     not null,
    end_year              integer     not null,
    priority              integer     not null,
    time_limited          boolean     not null,
    rule                  text        not null,
    group_key             text,
    edited                boolean     not null,
    progress              numeric     not null default 0,
    batch_id              uuid,
    resolution_number     text,
    resolution_date       date,
    acceptance_record     text,
    accepted_on           date,
    close_reason          text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null
);
create index project_year on project (plan_year, status);
create index project_batch on project (batch_id) where batch_id is not null;
-- one draft per grouping rule and group (e.g. gas pipes of one street) at a time
create unique index project_draft_group on project (check_year, group_key) where status = 'DRAFT' and group_key is not null;

-- The problems a project rectifies. A problem belongs to at most one active project (not completed or cancelled).
create table project_problem (
    project_id         uuid        not null references project (id),
    problem_id         uuid        not null,
    indicator_code     text        not null,
    indicator_name_zh  text        not null,
    area_code          text        not null,
    quantity           numeric     not null,
    standard           text,
    time_limited       boolean     not null,
    done               boolean     not null,
    active             boolean     not null,
    primary key (project_id, problem_id)
);
create unique index project_problem_active on project_problem (problem_id) where active;

-- Append-only: rows are inserted, never updated or deleted; (project_id, version) orders a project's history.
create table project_history (
    project_id   uuid        not null references project (id),
    version      bigint      not null,
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    from_status  text,
    to_status    text        not null,
    reason       text,
    payload      jsonb       not null default '{}',
    primary key (project_id, version)
);

create function project_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'project_history is append-only';
end $$;
create trigger project_history_append_only before update or delete on project_history
    for each row execute function project_history_is_append_only();
