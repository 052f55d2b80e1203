-- A poll's findings for a building that has no result yet are all the findings that building has: the poll computes
-- its result from them without reading them back (a replay's ten million findings are nearly all first ones). That
-- holds unless findings or withdrawals were stored for the key without a result coming of them: a withdrawal (it
-- may arrive before the finding it withdraws), or findings whose indicator was unknown or retired at the time. The
-- inbox records such keys here, and a poll reads their findings back as before. Rows are never removed: a key once
-- here is always read back, which costs no more than before this table existed.
create table finding_key_read_back (
    check_year      integer not null,
    indicator_code  text    not null,
    area_code       text    not null,
    primary key (check_year, indicator_code, area_code)
);
