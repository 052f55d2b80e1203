-- Shared by every service (service-kit). Business rows and their outbox row commit together;
-- the relay publishes unsent rows in id order and stamps published_at.
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    message_key   text        not null,
    event_type    text        not null,
    source        text        not null,
    subject       text,
    traceparent   text        not null,
    occurred_at   timestamptz not null,
    payload       jsonb       not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumption: a consumer records each event id in the same transaction as its effect.
create table processed_event (
    consumer      text        not null,
    event_id      uuid        not null,
    event_type    text        not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
