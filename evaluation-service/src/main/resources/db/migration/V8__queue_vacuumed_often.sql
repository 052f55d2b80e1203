-- The queue of results to compute is appended to at the back and emptied at the front: a year's replay marks and
-- claims about a million rows. With the default scale factor (a fifth of the table) vacuum let up to 170,000 dead
-- entries pile up at the front of evaluation_pending_order, and every claim walked over them again.
alter table evaluation_pending set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 20000,
    autovacuum_vacuum_cost_delay = 0);
