-- The yearly check scope (体检范围) of a city: the communities (社区) and blocks (街区 = streets) it checks.
-- Area codes are not foreign keys: the tree is re-imported over the year and a scope is re-checked against it
-- whenever it is read.
create table check_scope (
    city_code   text        not null,
    check_year  integer     not null,
    version     integer     not null,
    note_zh     text,
    updated_by  text        not null,
    updated_at  timestamptz not null,
    primary key (city_code, check_year)
);
create index check_scope_year on check_scope (check_year, city_code);

-- The current scope's entries, in the order they were submitted (position is 0-based within its role).
create table check_scope_area (
    city_code   text    not null,
    check_year  integer not null,
    role        text    not null check (role in ('COMMUNITY', 'BLOCK')),
    position    integer not null,
    area_code   text    not null,
    primary key (city_code, check_year, role, position),
    unique (city_code, check_year, role, area_code),
    foreign key (city_code, check_year) references check_scope (city_code, check_year) on delete cascade
);

-- Every version of every scope, the current one included: who set which areas, and when.
create table check_scope_history (
    city_code    text        not null,
    check_year   integer     not null,
    version      integer     not null,
    note_zh      text,
    communities  text[]      not null,
    blocks       text[]      not null,
    updated_by   text        not null,
    updated_at   timestamptz not null,
    primary key (city_code, check_year, version)
);
