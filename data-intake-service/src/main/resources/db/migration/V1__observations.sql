-- One accepted value of a data element for an area and check year, with its lineage.
create table observation (
    id               uuid primary key,
    check_year       integer     not null,
    area_code        text        not null,
    data_element     text        not null,
    value            numeric     not null,
    unit             text,
    note             text,
    department       text        not null,
    submitted_by     text        not null,
    idempotency_key  text,
    received_at      timestamptz not null,
    unique (department, idempotency_key)
);
create index observation_area_year on observation (area_code, check_year);
