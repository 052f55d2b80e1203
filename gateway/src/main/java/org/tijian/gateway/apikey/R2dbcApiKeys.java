package org.tijian.gateway.apikey;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcApiKeys {

    private static final String COLUMNS = "id, name, department, areas, created_at, created_by, last_used_at, "
            + "revoked_at, revoked_by, revoke_reason";

    private final DatabaseClient db;

    R2dbcApiKeys(DatabaseClient db) {
        this.db = db;
    }

    Mono<ApiKey> insert(ApiKeySecret secret, String name, String department, List<String> areas, String createdBy) {
        return db.sql("insert into api_key (id, name, department, areas, secret_sha256, created_by) "
                        + "values (:id, :name, :department, :areas, :hash, :by) returning " + COLUMNS)
                .bind("id", secret.id())
                .bind("name", name)
                .bind("department", department)
                .bind("areas", areas.toArray(String[]::new))
                .bind("hash", secret.sha256())
                .bind("by", createdBy)
                .map((row, meta) -> apiKey(row))
                .one();
    }

    /** The key whose secret matches, if it exists and is not revoked; marks it used. */
    Mono<ApiKey> useActive(ApiKeySecret secret) {
        return db.sql("select secret_sha256, " + COLUMNS + " from api_key where id = :id and revoked_at is null")
                .bind("id", secret.id())
                .map((row, meta) -> secret.matches(row.get("secret_sha256", byte[].class)) ? apiKey(row) : null)
                .one()
                .flatMap(key -> db.sql("update api_key set last_used_at = now() where id = :id").bind("id", key.id())
                        .fetch().rowsUpdated().thenReturn(key));
    }

    Mono<Boolean> isActive(UUID id) {
        return db.sql("select revoked_at is null as active from api_key where id = :id").bind("id", id)
                .map((row, meta) -> row.get("active", Boolean.class))
                .one()
                .defaultIfEmpty(false);
    }

    Flux<ApiKey> all() {
        return db.sql("select " + COLUMNS + " from api_key order by created_at desc").map((row, meta) -> apiKey(row)).all();
    }

    Mono<ApiKey> find(UUID id) {
        return db.sql("select " + COLUMNS + " from api_key where id = :id").bind("id", id)
                .map((row, meta) -> apiKey(row)).one();
    }

    /** Revokes once; revoking again keeps the first revocation. */
    Mono<ApiKey> revoke(UUID id, String by, String reason) {
        return db.sql("update api_key set revoked_at = coalesce(revoked_at, now()), "
                        + "revoked_by = coalesce(revoked_by, :by), revoke_reason = coalesce(revoke_reason, :reason) "
                        + "where id = :id returning " + COLUMNS)
                .bind("id", id).bind("by", by).bind("reason", reason)
                .map((row, meta) -> apiKey(row))
                .one();
    }

    private static ApiKey apiKey(Readable row) {
        return new ApiKey(row.get("id", UUID.class), row.get("name", String.class), row.get("department", String.class),
                Arrays.asList(row.get("areas", String[].class)), row.get("created_at", Instant.class),
                row.get("created_by", String.class), row.get("last_used_at", Instant.class),
                row.get("revoked_at", Instant.class), row.get("revoked_by", String.class),
                row.get("revoke_reason", String.class));
    }
}
