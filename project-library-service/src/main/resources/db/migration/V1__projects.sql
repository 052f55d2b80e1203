-- Next year's project library draft (项目库建议稿).
create table project (
    id                    uuid primary key,
    check_year            integer     not null,
    name                  text        not null,
    project_type          text        not null,
    status                text        not null,
    area_codes            text[]      not null,
    construction_content  text        not null,
    proposed_at           timestamptz not null
);
create index project_year on project (check_year, proposed_at);

-- A problem belongs to at most one active project.
create table project_problem (
    project_id  uuid not null references project (id),
    problem_id  uuid not null unique,
    primary key (project_id, problem_id)
);
