-- The current result per indicator, area and check year; every version is kept in the history.
create table indicator_result (
    id               uuid primary key,
    check_year       integer     not null,
    area_code        text        not null,
    indicator_code   text        not null,
    version          integer     not null,
    value            numeric,
    unit             text,
    verdict          text        not null,
    standard         text        not null,
    gap              numeric,
    explanation      text        not null,
    observation_ids  uuid[]      not null,
    evaluated_at     timestamptz not null,
    unique (check_year, area_code, indicator_code)
);

create table indicator_result_history (
    result_id        uuid        not null references indicator_result (id),
    version          integer     not null,
    value            numeric,
    verdict          text        not null,
    standard         text        not null,
    gap              numeric,
    explanation      text        not null,
    observation_ids  uuid[]      not null,
    evaluated_at     timestamptz not null,
    primary key (result_id, version)
);
