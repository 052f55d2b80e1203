-- A result's current version is published from indicator_result itself: each new version carries the round that
-- computed it and its place in that round. The history keeps the versions a later one superseded (copied there,
-- round and place included, when they are superseded), so a first version, most of a year's results, is written
-- once instead of twice. Rows written before this migration hold the current version too; readers tolerate that.
alter table indicator_result
    add column round_id        bigint,
    add column round_position  integer;
create index indicator_result_round on indicator_result (round_id, round_position) where round_id is not null;
