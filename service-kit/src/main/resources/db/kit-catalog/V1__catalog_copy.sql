-- service-kit "catalog copy": a service's own copy of the areas and indicators that the evaluation service
-- publishes on the compacted topics catalog.areas.v1 and catalog.indicators.v1.
--
-- Applied only by services that set tijian.catalog-copy.enabled=true, with its own history table
-- (flyway_kit_catalog_history), after the service's own migrations. Written to accept the area_copy table that
-- data-intake-service created in its V2 before the kit owned the copy: that table lacks the last three columns.

create table if not exists area_copy (
    code                       text primary key,
    name_zh                    text        not null,
    level                      text        not null,
    parent_code                text,
    city_class                 text,
    size_class                 text,
    population                 bigint,
    built_up_area_km2          numeric,
    residential_land_area_km2  numeric,
    updated_at                 timestamptz not null default now()
);
alter table area_copy
    add column if not exists size_class                 text,
    add column if not exists built_up_area_km2          numeric,
    add column if not exists residential_land_area_km2  numeric;
create index if not exists area_copy_parent on area_copy (parent_code);

-- The searchable fields of the current definition, and the whole definition (an IndicatorDefined) as JSON.
-- A row is only ever replaced by a definition of the same or a higher revision.
create table indicator_copy (
    code              text primary key,
    revision          bigint      not null,
    retired           boolean     not null,
    system_code       text        not null,
    system_kind       text        not null,
    owner_area_code   text,
    name_zh           text        not null,
    dimension         text,
    unit              text,
    evaluation_level  text,
    definition        jsonb       not null,
    updated_at        timestamptz not null default now()
);
create index indicator_copy_system on indicator_copy (system_code, code);
