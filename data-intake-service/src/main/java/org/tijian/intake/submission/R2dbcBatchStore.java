package org.tijian.intake.submission;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.kit.imports.ImportSummary;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The submission_batch table: batches, their progress and their summaries. */
@Repository
class R2dbcBatchStore {

    private static final String COLUMNS = """
            id, kind, check_year, department, submitted_by, format, file_name, strategy, atomic, dry_run, idempotency_key,
            coverage, source_method, status, phase, rows_read, created, updated, withdrawn, unchanged, rejected, errors,
            message, late, override_by, started_at, finished_at""";

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcBatchStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Inserts a new batch unless its department already used its idempotency key.
     *
     * @return empty if inserted, else the batch that holds the key with its content hash
     */
    Mono<Keyed> insertUnlessKeyUsed(Batch batch, String contentSha256) {
        Mono<Long> inserted = db.sql("insert into submission_batch (" + COLUMNS + ", content_sha256, heartbeat_at) values ("
                        + ":id, :kind, :checkYear, :department, :submittedBy, :format, :fileName, :strategy, :atomic, :dryRun, "
                        + ":idempotencyKey, :coverage, :sourceMethod, :status, :phase, :rowsRead, :created, :updated, "
                        + ":withdrawn, :unchanged, :rejected, :errors, :message, :late, :overrideBy, :startedAt, :finishedAt, "
                        + ":sha, now()) on conflict (department, idempotency_key) do nothing")
                .bindValues(parameters(batch, null))
                .bind("sha", contentSha256)
                .fetch().rowsUpdated();
        return inserted.flatMap(count -> count == 1 ? Mono.<Keyed>empty() : findByKey(batch.department(), batch.idempotencyKey()));
    }

    /** Frees the idempotency key of a batch that failed, so that the same upload can run again. */
    Mono<Void> releaseKeyOfFailed(UUID id) {
        return db.sql("update submission_batch set idempotency_key = null where id = :id and status = 'FAILED'")
                .bind("id", id).then();
    }

    private Mono<Keyed> findByKey(String department, String key) {
        return db.sql("select " + COLUMNS + ", content_sha256 from submission_batch "
                        + "where department = :department and idempotency_key = :key")
                .bind("department", department).bind("key", key)
                .map(row -> new Keyed(read(row), row.get("content_sha256", String.class)))
                .one();
    }

    Mono<Batch> find(UUID id) {
        return db.sql("select " + COLUMNS + " from submission_batch where id = :id").bind("id", id).map(this::read).one();
    }

    /** @param department null for every department */
    Flux<Batch> list(String department, Integer checkYear, BatchStatus status, int limit) {
        return db.sql("select " + COLUMNS + " from submission_batch where (cast(:department as text) is null or department = :department) "
                        + "and (cast(:checkYear as integer) is null or check_year = :checkYear) "
                        + "and (cast(:status as text) is null or status = :status) order by started_at desc limit :limit")
                .bind("department", Parameter.fromOrEmpty(department, String.class))
                .bind("checkYear", Parameter.fromOrEmpty(checkYear, Integer.class))
                .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .bind("limit", limit)
                .map(this::read).all();
    }

    /** Writes the batch's state, on the given client (a batch session's, to share its transaction). */
    /**
     * Records how a running batch ended. Fails if the batch is no longer RUNNING (another replica took it
     * for abandoned), so that the transaction it shares with the merge rolls back: the batch stays
     * FAILED with nothing stored, as its readers were told.
     */
    Mono<Void> update(DatabaseClient client, Batch batch) {
        return client.sql("""
                        update submission_batch set status = :status, phase = :phase, rows_read = :rowsRead, created = :created,
                          updated = :updated, withdrawn = :withdrawn, unchanged = :unchanged, rejected = :rejected,
                          errors = :errors, message = :message, late = :late, override_by = :overrideBy,
                          finished_at = :finishedAt, heartbeat_at = now()
                        where id = :id and status = 'RUNNING'""")
                .bindValues(parameters(batch, UPDATED)).fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : Mono.error(new IllegalStateException(
                        "batch " + batch.id() + " is no longer running: it was marked FAILED as abandoned")));
    }

    Mono<Void> update(Batch batch) {
        return update(db, batch);
    }

    /** Progress of running batches, which is also their heartbeat. */
    /** A running batch's counters, as the upkeep writes them. */
    record Progress(UUID id, Batch.Phase phase, long rowsRead, long rejected) {
    }

    /**
     * Writes the progress of all running batches, which is also their heartbeat, in one statement: with
     * dozens of small batches queued, one update each per second would itself slow them down.
     */
    Mono<Void> progress(Collection<Progress> running) {
        if (running.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        update submission_batch b set phase = p.phase, rows_read = p.rows_read, rejected = p.rejected,
                          heartbeat_at = now()
                        from unnest(cast(:ids as uuid[]), cast(:phases as text[]), cast(:reads as bigint[]),
                          cast(:rejected as bigint[])) as p (id, phase, rows_read, rejected)
                        where b.id = p.id and b.status = 'RUNNING'""")
                .bind("ids", running.stream().map(Progress::id).toArray(UUID[]::new))
                .bind("phases", running.stream().map(p -> p.phase().name()).toArray(String[]::new))
                .bind("reads", running.stream().map(Progress::rowsRead).toArray(Long[]::new))
                .bind("rejected", running.stream().map(Progress::rejected).toArray(Long[]::new))
                .then();
    }

    /**
     * Fails batches whose service instance stopped while running them. Their rows were never committed
     * (accepting is one transaction), so nothing of them was stored or published.
     */
    /** @param ours batches this instance is running: alive whatever their heartbeat says */
    Mono<Long> failAbandoned(java.time.Duration silence, Collection<UUID> ours) {
        return db.sql("""
                        update submission_batch set status = 'FAILED', phase = 'DONE', finished_at = now(),
                          message = 'interrupted: the service instance running it stopped before it finished; nothing was stored or published, submit the file again'
                        where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :seconds)
                          and not (id = any(:ours))""")
                .bind("seconds", (double) silence.toSeconds())
                .bind("ours", ours.toArray(UUID[]::new))
                .fetch().rowsUpdated();
    }

    private static final java.util.Set<String> UPDATED = java.util.Set.of("id", "status", "phase", "rowsRead", "created",
            "updated", "withdrawn", "unchanged", "rejected", "errors", "message", "late", "overrideBy", "finishedAt");

    /** @param only the names to bind, null for all */
    private java.util.Map<String, Object> parameters(Batch b, java.util.Set<String> only) {
        var values = new java.util.HashMap<String, Object>();
        values.put("id", b.id());
        values.put("kind", b.kind().name());
        values.put("checkYear", b.checkYear());
        values.put("department", b.department());
        values.put("submittedBy", b.submittedBy());
        values.put("format", b.format());
        values.put("fileName", Parameter.fromOrEmpty(b.fileName(), String.class));
        values.put("strategy", b.strategy().name());
        values.put("atomic", b.atomic());
        values.put("dryRun", b.dryRun());
        values.put("idempotencyKey", Parameter.fromOrEmpty(b.idempotencyKey(), String.class));
        values.put("coverage", b.coverage().toArray(String[]::new));
        values.put("sourceMethod", Parameter.fromOrEmpty(b.sourceMethod(), String.class));
        values.put("status", b.status().name());
        values.put("phase", b.phase().name());
        values.put("rowsRead", b.rowsRead());
        values.put("created", b.created());
        values.put("updated", b.updated());
        values.put("withdrawn", b.withdrawn());
        values.put("unchanged", b.unchanged());
        values.put("rejected", b.rejected());
        values.put("errors", Json.of(json.writeValueAsBytes(b.errors())));
        values.put("message", Parameter.fromOrEmpty(b.message(), String.class));
        values.put("late", b.late());
        values.put("overrideBy", Parameter.fromOrEmpty(b.overrideBy(), String.class));
        values.put("startedAt", b.startedAt());
        values.put("finishedAt", Parameter.fromOrEmpty(b.finishedAt(), Instant.class));
        if (only != null) {
            values.keySet().retainAll(only);
        }
        return values;
    }

    private Batch read(Readable row) {
        OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
        return new Batch(
                row.get("id", UUID.class),
                ObservationKind.valueOf(row.get("kind", String.class)),
                row.get("check_year", Integer.class),
                row.get("department", String.class),
                row.get("submitted_by", String.class),
                row.get("format", String.class),
                row.get("file_name", String.class),
                ImportStrategy.valueOf(row.get("strategy", String.class)),
                row.get("atomic", Boolean.class),
                row.get("dry_run", Boolean.class),
                row.get("idempotency_key", String.class),
                Arrays.asList(row.get("coverage", String[].class)),
                row.get("source_method", String.class),
                BatchStatus.valueOf(row.get("status", String.class)),
                Batch.Phase.valueOf(row.get("phase", String.class)),
                row.get("rows_read", Long.class),
                row.get("created", Long.class),
                row.get("updated", Long.class),
                row.get("withdrawn", Long.class),
                row.get("unchanged", Long.class),
                row.get("rejected", Long.class),
                json.readValue(row.get("errors", Json.class).asArray(), new TypeReference<List<ImportSummary.Group>>() { }),
                row.get("message", String.class),
                row.get("late", Boolean.class),
                row.get("override_by", String.class),
                row.get("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant());
    }

    /** A batch that holds an idempotency key, with the hash of what was uploaded under it. */
    record Keyed(Batch batch, String contentSha256) {
    }
}
