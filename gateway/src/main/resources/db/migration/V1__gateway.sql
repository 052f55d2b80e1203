-- Departments' API keys: only a hash of the secret is kept; the key is shown once, when it is issued.
create table api_key (
    id            uuid primary key,
    name          text not null,
    department    text not null,
    areas         text[] not null,
    secret_sha256 bytea not null,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    text,
    revoke_reason text
);

-- The key the gateway signs API-key tokens with: one for all replicas, created by the first to start
-- unless a deployment provides its own (tijian.gateway.api-keys.signing-key).
create table signing_key (
    id         text primary key,
    jwk        text not null,
    created_at timestamptz not null default now()
);

-- Requests per client and fixed window, shared by every replica for the rate limit.
create table request_count (
    client       text not null,
    window_start timestamptz not null,
    requests     bigint not null,
    primary key (client, window_start)
);
