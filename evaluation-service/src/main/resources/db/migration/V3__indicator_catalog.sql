-- The indicator system (指标体系): national basic indicators, provincial and city-specific ones (特色指标),
-- special-check sets (专项体检). An indicator's whole definition, with its yearly standards, is one jsonb
-- document shaped like the IndicatorDefined event; the columns beside it are what queries filter on.
create table indicator_system (
    code             text primary key,
    kind             text        not null,
    name_zh          text        not null,
    name_en          text,
    owner_area_code  text,
    topic_zh         text,
    member_codes     text[]      not null default '{}',
    created_by       text        not null,
    created_at       timestamptz not null default now()
);
create index indicator_system_owner on indicator_system (owner_area_code);

create table indicator (
    code             text primary key,
    system_code      text        not null references indicator_system (code),
    owner_area_code  text,
    dimension        text        not null,
    value_element    text,
    revision         bigint      not null,
    retired          boolean     not null default false,
    definition       jsonb       not null,
    updated_by       text        not null,
    updated_at       timestamptz not null
);
create index indicator_by_system on indicator (system_code);
create index indicator_by_value_element on indicator (value_element) where value_element is not null;

-- Every revision of every indicator: who changed what, when.
create table indicator_revision (
    code        text        not null,
    revision    bigint      not null,
    definition  jsonb       not null,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    change      text        not null,
    primary key (code, revision)
);

-- A standard changed after results exist: the results of that indicator and year are judged again.
create table reevaluation_request (
    id               bigserial primary key,
    indicator_code   text        not null,
    check_year       integer     not null,
    requested_by     text        not null,
    requested_at     timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    results_judged   bigint      not null default 0,
    results_changed  bigint      not null default 0
);
create index reevaluation_request_open on reevaluation_request (id) where finished_at is null;
