-- The city size class (城市规模: SUPER_LARGE, MEGA, LARGE, MEDIUM, SMALL); standards such as U15 differ by it.
alter table area add column size_class text;
alter table area_import_row add column size_class text;

-- Running imports prove they are alive; one whose instance stopped is failed by any replica.
alter table area_import_job add column heartbeat_at timestamptz not null default now();
