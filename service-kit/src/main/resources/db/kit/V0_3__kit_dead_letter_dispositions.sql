-- What operators did with dead letters (replayed to the original topic, or discarded with a reason): each record once.
create table dead_letter_disposition (
    topic         text        not null,
    partition_no  int         not null,
    record_offset bigint      not null,
    action        text        not null check (action in ('REPLAYED', 'DISCARDED')),
    reason        text,
    operator      text        not null,
    at            timestamptz not null,
    primary key (topic, partition_no, record_offset)
);
