-- Intake's own copy of the area tree, rebuilt from the compacted topic catalog.areas.v1.
create table area_copy (
    code         text primary key,
    name_zh      text        not null,
    level        text        not null,
    parent_code  text,
    city_class   text,
    population   bigint,
    updated_at   timestamptz not null default now()
);
create index area_copy_parent on area_copy (parent_code);
