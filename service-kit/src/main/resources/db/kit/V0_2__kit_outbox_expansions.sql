-- An outbox row may stand for many events (one per row of a bulk import), expanded by the relay in order:
-- `expansion` names the OutboxExpansion that reads them, `payload` holds its parameters, and
-- `expanded_up_to` is the position of the last event sent, so a restarted relay goes on from there.
alter table outbox_event
    add column expansion       text,
    add column expanded_up_to  bigint not null default 0;
