-- The problem ledger (问题台账): one open problem per indicator, area and check year.
create table problem (
    id                   uuid primary key,
    check_year           integer     not null,
    area_code            text        not null,
    indicator_code       text        not null,
    indicator_name_zh    text        not null,
    dimension            text        not null,
    result_value         numeric,
    unit                 text,
    standard             text        not null,
    description          text        not null,
    rectification_class  text        not null,
    status               text        not null,
    source_result_id     uuid        not null,
    identified_at        timestamptz not null,
    unique (check_year, indicator_code, area_code)
);
create index problem_area on problem (area_code text_pattern_ops, check_year);
