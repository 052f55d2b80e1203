-- Text comparisons under collation "C" against initdb's C.UTF-8 (docs/operations.md "PostgreSQL"): one million keys
-- shaped like a result's (year, 18-digit area code, indicator code) inserted into a unique index in random order, then
-- looked up one by one. Run with psql against any database of the platform's PostgreSQL (its default collation is
-- the one compared with "C"), e.g.
--   PGPASSWORD=tijian psql -h localhost -p 16932 -U tijian -d tijian_evaluation -f benchmarks/collation.sql
\timing on
drop table if exists t_def, t_c;
create temp table src as
  select 2024 as y, (360000000000000000 + (random() * 99999999999)::bigint * 1000)::text as a, 'H0' || (g % 10) as i
  from generate_series(1, 1000000) g;
create unlogged table t_def (y int, a text, i text, unique (y, a, i));
create unlogged table t_c (y int, a text collate "C", i text collate "C", unique (y, a, i));
insert into t_def select * from src on conflict do nothing;
insert into t_c select * from src on conflict do nothing;
set enable_hashjoin = off;
set enable_mergejoin = off;
explain analyze select count(*) from src s join t_def t on t.y = s.y and t.a = s.a and t.i = s.i;
explain analyze select count(*) from src s join t_c t on t.y = s.y and t.a = s.a and t.i = s.i;
drop table t_def, t_c;
