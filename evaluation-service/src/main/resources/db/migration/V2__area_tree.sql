-- The area tree, province down to buildings. level_rank orders the levels (PROVINCE = 0 .. BUILDING = 6).
create table area (
    code                       text primary key,
    name_zh                    text        not null,
    level                      text        not null,
    level_rank                 smallint    not null,
    parent_code                text,
    city_class                 text,
    population                 bigint,
    built_up_area_km2          numeric,
    residential_land_area_km2  numeric,
    geometry                   jsonb,
    updated_at                 timestamptz not null default now()
);
create index area_parent on area (parent_code, code);

-- Rows of an import being validated; unlogged: a crash loses only work that is redone.
create unlogged table area_import_row (
    job_id                     uuid     not null,
    row_no                     integer  not null,
    code                       text     not null,
    name_zh                    text     not null,
    level                      text     not null,
    level_rank                 smallint not null,
    parent_code                text,
    city_class                 text,
    population                 bigint,
    built_up_area_km2          numeric,
    residential_land_area_km2  numeric,
    geometry                   jsonb
);
create index area_import_row_job_code on area_import_row (job_id, code);

create table area_import_job (
    id            uuid primary key,
    format        text        not null,
    status        text        not null,
    submitted_by  text        not null,
    rows_read     bigint      not null default 0,
    created       bigint      not null default 0,
    updated       bigint      not null default 0,
    unchanged     bigint      not null default 0,
    rejected      bigint      not null default 0,
    errors        jsonb       not null default '[]',
    message       text,
    started_at    timestamptz not null,
    finished_at   timestamptz
);
