-- One database per service on one PostgreSQL server (tijian_intake is created by POSTGRES_DB), text in byte order
-- (collation "C": docs/operations.md "PostgreSQL").
create database tijian_evaluation owner tijian template template0 lc_collate 'C';
create database tijian_ledger owner tijian template template0 lc_collate 'C';
create database tijian_projects owner tijian template template0 lc_collate 'C';
create database tijian_gateway owner tijian template template0 lc_collate 'C';
