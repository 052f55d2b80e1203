-- One database per service on one PostgreSQL server (tijian_intake is created by POSTGRES_DB).
create database tijian_evaluation owner tijian;
create database tijian_ledger owner tijian;
create database tijian_projects owner tijian;
create database tijian_gateway owner tijian;
