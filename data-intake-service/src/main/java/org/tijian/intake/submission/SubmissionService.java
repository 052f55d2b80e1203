package org.tijian.intake.submission;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBuf;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.tijian.contracts.catalog.AcquisitionMethod;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.contracts.intake.SubmissionAccepted;
import org.tijian.intake.window.SubmissionWindowService;
import org.tijian.intake.window.WindowDecision;
import org.tijian.kit.bulk.CopyText;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.imports.ImportSummary;
import org.tijian.kit.imports.RowProblem;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.tracing.Traces;
import org.tijian.kit.outbox.R2dbcEventOutbox;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.TijianUser;
import org.tijian.kit.tabular.CsvTabularReader;
import org.tijian.kit.tabular.JsonTabularReader;
import org.tijian.kit.tabular.TabularReader;
import org.tijian.kit.tabular.TabularRecord;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs submissions (批次) as background jobs: the upload is checked as a whole (options, coverage,
 * submission window, idempotency key), then its rows stream into the batch's staging table, are checked
 * there in bulk, and are accepted with their outbox rows in one transaction. Progress is written to the
 * batch row every second, which is also the heartbeat that tells other replicas the job is alive.
 */
@Service
public class SubmissionService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);
    /** Uploads up to this size are small: answered when imported, and run by workers of their own. */
    public static final long SMALL_UPLOAD_BYTES = 1 << 20;
    private static final int ROWS_PER_COPY_CHUNK = 5_000;
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
    /** A batch that lost this many merges to batches of the same year waits for its turn instead. */
    private static final int TAKE_TURNS_FROM_ATTEMPT = 3;
    private static final int MERGE_ATTEMPTS = 10;
    private static final java.util.regex.Pattern AREA_CODE = java.util.regex.Pattern.compile("\\d{2,24}");

    public enum Format {
        CSV, JSON, XLSX
    }

    /**
     * An uploaded file, saved to disk; deleted once its batch has run.
     *
     * @param small at most {@link #SMALL_UPLOAD_BYTES}: imported on the small-batch workers and answered when done
     */
    public record Upload(Path file, String fileName, Format format, boolean small) {

        /** @param file the whole upload, already written */
        public static Upload saved(Path file, String fileName, Format format) {
            return new Upload(file, fileName, format, isSmall(file));
        }
    }

    /**
     * @param replayed the upload repeated an idempotency key: {@code batch} is the earlier batch
     * @param completion completes with the finished batch
     */
    public record Submitted(Batch batch, boolean replayed, CompletableFuture<Batch> completion) {
    }

    private final R2dbcBatchStore batches;
    private final ConnectionFactory connections;
    private final DatabaseClient db;
    private final SubmissionWindowService windows;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Traces traces;
    private final String source;
    private final ExecutorService workers;
    /** Small batches never wait behind a million-row file. */
    private final ExecutorService smallBatchWorkers;
    private final Duration abandonedAfter;
    private final Map<UUID, Progress> running = new ConcurrentHashMap<>();
    private Disposable upkeep;

    public SubmissionService(R2dbcBatchStore batches, ConnectionFactory connections, DatabaseClient db, SubmissionWindowService windows,
            JsonMapper json, MeterRegistry meters, Traces traces, @Value("${spring.application.name}") String source,
            @Value("${tijian.intake.import-workers:2}") int importWorkers,
            @Value("${tijian.intake.small-batch-workers:4}") int smallBatchWorkers,
            @Value("${tijian.intake.abandoned-after:60s}") Duration abandonedAfter) {
        this.abandonedAfter = abandonedAfter;
        this.batches = batches;
        this.connections = connections;
        this.db = db;
        this.windows = windows;
        this.json = json;
        this.meters = meters;
        this.traces = traces;
        this.source = source;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(importWorkers,
                r -> new Thread(r, "submission-import-" + threads.incrementAndGet()));
        this.smallBatchWorkers = Executors.newFixedThreadPool(smallBatchWorkers,
                r -> new Thread(r, "submission-small-" + threads.incrementAndGet()));
        meters.gauge("tijian.intake.batches.running", running, Map::size);
    }

    @EventListener(ApplicationReadyEvent.class)
    void keepBatchesAlive() {
        int leftovers = UploadFolder.removeLeftovers();
        if (leftovers > 0) {
            log.info("removed the uploads of {} stopped intake process(es); their batches are marked FAILED", leftovers);
        }
        upkeep = Flux.interval(PROGRESS_INTERVAL)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(() -> batches.progress(running.entrySet().stream()
                                .map(entry -> new R2dbcBatchStore.Progress(entry.getKey(), entry.getValue().phase,
                                        entry.getValue().read, entry.getValue().rejected))
                                .toList()))
                        .then(Mono.defer(() -> batches.failAbandoned(abandonedAfter, Set.copyOf(running.keySet()))))
                        .doOnNext(failed -> {
                            if (failed > 0) {
                                log.warn("{} submission(s) lost their service instance and are marked FAILED", failed);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("submission upkeep failed; retried in {}", PROGRESS_INTERVAL, e);
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    /** @param trace the caller's trace, continued by the batch's events */
    public Mono<Submitted> submit(Upload upload, SubmissionOptions options, TijianUser user, String idempotencyKey,
            TraceParent trace) {
        return Mono.defer(() -> {
            checkOptions(options, user);
            String sha = contentHash(upload.file(), options);
            return checkCoverage(options, user)
                    .then(windows.decide(options.checkYear(), user.department(), Instant.now()))
                    .flatMap(decision -> start(upload, options, user, options.dryRun() ? null : idempotencyKey, sha,
                            decision, trace));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Submitted> start(Upload upload, SubmissionOptions options, TijianUser user, String key, String sha,
            WindowDecision decision, TraceParent trace) {
        Batch batch = new Batch(UUID.randomUUID(), options.kind(), options.checkYear(), user.department(), user.subject(),
                upload.format().name(), upload.fileName(), options.strategy(), options.atomic(), options.dryRun(), key,
                options.coverage(), options.sourceMethod(), BatchStatus.RUNNING, Batch.Phase.QUEUED, 0, 0, 0, 0, 0, 0,
                List.of(), null, decision.late(), decision.overrideBy(), Instant.now(), null);
        if (!decision.open()) {
            return refuse(upload, batch, sha, decision);
        }
        if (key == null) {
            return batches.insertUnlessKeyUsed(batch, sha).then(Mono.fromSupplier(() -> launch(batch, upload, user, options.indicators(), trace)));
        }
        return batches.insertUnlessKeyUsed(batch, sha)
                .flatMap(holder -> {
                    if (!holder.contentSha256().equals(sha)) {
                        return Mono.error(new TijianException(SubmissionError.IDEMPOTENCY_KEY_REUSED, key));
                    }
                    if (holder.batch().status() == BatchStatus.FAILED) {
                        // The earlier attempt stored nothing: this upload runs in its place.
                        return batches.releaseKeyOfFailed(holder.batch().id())
                                .then(batches.insertUnlessKeyUsed(batch, sha))
                                .flatMap(again -> Mono.<Submitted>error(
                                        new TijianException(SubmissionError.IDEMPOTENCY_KEY_REUSED, key)))
                                .switchIfEmpty(Mono.fromSupplier(() -> launch(batch, upload, user, options.indicators(), trace)));
                    }
                    deleteQuietly(upload.file());
                    meters.counter("tijian.intake.batches.replayed").increment();
                    return Mono.just(new Submitted(holder.batch(), true, completionOf(holder.batch())));
                })
                .switchIfEmpty(Mono.fromSupplier(() -> launch(batch, upload, user, options.indicators(), trace)));
    }

    /** Records a batch the window does not let in (so administrators see late attempts), then answers 422. */
    private Mono<Submitted> refuse(Upload upload, Batch batch, String sha, WindowDecision decision) {
        SubmissionError error = decision.late() ? SubmissionError.SUBMISSION_LATE : SubmissionError.WINDOW_NOT_OPEN;
        ImportSummary summary = new ImportSummary();
        summary.add(error, 1, List.of(new ImportSummary.Row(0, String.valueOf(decision.boundary()))));
        Batch refused = finished(batch, BatchStatus.REJECTED, 0, new long[4], summary,
                "nothing was stored: " + error.messageEn().replace("{0}", String.valueOf(batch.checkYear()))
                        .replace("{1}", String.valueOf(decision.boundary())));
        deleteQuietly(upload.file());
        meters.counter("tijian.intake.batches", "status", "REJECTED", "kind", batch.kind().name()).increment();
        return batches.insertUnlessKeyUsed(withoutKey(refused), sha)
                .then(Mono.error(new TijianException(error, batch.checkYear(), decision.boundary())));
    }

    private Submitted launch(Batch batch, Upload upload, TijianUser user, List<String> indicators,
            TraceParent trace) {
        Progress progress = new Progress();
        running.put(batch.id(), progress);
        R2dbcBatchSession.Scope scope = new R2dbcBatchSession.Scope(user.areas(), user.has(Role.ADMINISTRATOR));
        // the import continues the upload's trace on its worker thread: its log lines and events name it
        CompletableFuture<Batch> completion = CompletableFuture.supplyAsync(
                () -> traces.continuing("import submission", trace,
                        importTrace -> runSafely(batch, upload, scope, progress, indicators, importTrace)),
                upload.small() ? smallBatchWorkers : workers);
        progress.completion = completion;
        return new Submitted(batch, false, completion);
    }

    private CompletableFuture<Batch> completionOf(Batch batch) {
        Progress progress = running.get(batch.id());
        if (progress != null && progress.completion != null) {
            return progress.completion;
        }
        return batch.status().finished() ? CompletableFuture.completedFuture(batch) : new CompletableFuture<>();
    }

    private Batch runSafely(Batch batch, Upload upload, R2dbcBatchSession.Scope scope, Progress progress,
            List<String> declaredIndicators, TraceParent trace) {
        Timer.Sample sample = Timer.start(meters);
        Batch finished;
        try {
            finished = run(batch, upload, scope, progress, declaredIndicators, trace);
        } catch (RuntimeException e) {
            log.error("submission {} failed", batch.id(), e);
            finished = finished(batch, BatchStatus.FAILED, progress.read, new long[4], new ImportSummary(),
                    "the import could not run; nothing was stored or published: " + e);
            Batch failed = finished;
            try {
                batches.update(failed).block(Duration.ofSeconds(30));
            } catch (RuntimeException unrecorded) {
                log.warn("cannot record that submission {} failed; the upkeep will mark it FAILED", batch.id(), unrecorded);
            }
        } finally {
            deleteQuietly(upload.file());
            running.remove(batch.id());
        }
        sample.stop(meters.timer("tijian.intake.batch.duration", "kind", batch.kind().name(), "status",
                finished.status().name()));
        record(finished);
        log.info("submission {} {} ({} {} of {}, {}): {} rows read, {} created, {} updated, {} withdrawn, {} unchanged, {} rejected",
                batch.id(), finished.status(), batch.kind(), batch.strategy(), batch.department(),
                batch.dryRun() ? "dry run" : "for real", finished.rowsRead(), finished.created(), finished.updated(),
                finished.withdrawn(), finished.unchanged(), finished.rejected());
        return finished;
    }

    private Batch run(Batch batch, Upload upload, R2dbcBatchSession.Scope scope, Progress progress,
            List<String> declaredIndicators, TraceParent trace) {
        ImportSummary summaryOfRows = new ImportSummary();
        long started = System.nanoTime();
        try (R2dbcBatchSession session = R2dbcBatchSession.open(connections, batch, scope, !upload.small());
                TabularReader reader = open(upload)) {
            progress.phase = Batch.Phase.READING;
            if (reader != null) {
                session.copyIn(copyData(reader, new SubmissionRows(batch.kind(), batch.strategy()), summaryOfRows, progress))
                        .block();
            }
            if (progress.read == 0 && summaryOfRows.clean()) {
                summaryOfRows.reject(new RowProblem(1, SubmissionError.EMPTY_FILE, upload.fileName()));
            }
            long read = System.nanoTime();
            progress.phase = Batch.Phase.VALIDATING;
            session.validate(batch.department());
            for (int attempt = 1; ; attempt++) {
                if (attempt == TAKE_TURNS_FROM_ATTEMPT && !batch.dryRun()) {
                    session.takeTurnForCheckYear();
                }
                long[] counts = session.prepare();
                long validated = System.nanoTime();
                ImportSummary summary = summaryOfRows.copy();
                summary.countRejectedRows(session.summarize(summary));
                progress.rejected = summary.rejected();
                boolean nothingToAccept = counts[0] + counts[1] + counts[2] + counts[3] == 0;
                BatchStatus status = summary.clean() ? BatchStatus.SUCCEEDED
                        : batch.atomic() || nothingToAccept ? BatchStatus.REJECTED : BatchStatus.PARTIALLY_ACCEPTED;
                if (status == BatchStatus.REJECTED) {
                    counts = new long[4];
                }
                String message = status == BatchStatus.REJECTED
                        ? "nothing was stored: fix the rejected rows and submit the whole file again"
                        : batch.dryRun() ? "dry run: nothing was stored; the counts say what a real run would do" : null;
                Batch finished = finished(batch, status, progress.read, counts, summary, message);
                if (batch.dryRun() || status == BatchStatus.REJECTED) {
                    session.inTransaction(batches.update(session.client(), finished));
                    return finished;
                }
                progress.phase = Batch.Phase.MERGING;
                Instant now = Instant.now();
                List<String> surveyed = batch.kind() != ObservationKind.FINDING ? List.of()
                        : declaredIndicators.isEmpty() ? session.subjects() : declaredIndicators;
                R2dbcEventOutbox outbox = new R2dbcEventOutbox(session.client(), json, source);
                Mono<Void> finish = batches.update(session.client(), finished)
                        .then(outbox.append(accepted(finished, now, surveyed), batch.id().toString(), batch.id().toString(),
                                trace.child()));
                if (session.merge(batch.submittedBy(), now, trace.child(), outbox, finish)) {
                    log.info("submission {}: read and staged {} rows in {} ms, checked in {} ms, merged in {} ms{}",
                            batch.id(), progress.read, (read - started) / 1_000_000, (validated - read) / 1_000_000,
                            (System.nanoTime() - validated) / 1_000_000,
                            attempt == 1 ? "" : " (attempt " + attempt + ")");
                    return finished;
                }
                meters.counter("tijian.intake.merge.retries").increment();
                if (attempt == MERGE_ATTEMPTS) {
                    throw new IllegalStateException("other batches kept changing the same values; tried " + attempt
                            + " times");
                }
                log.info("submission {}: another batch changed the same values first; checking against them again",
                        batch.id());
                progress.phase = Batch.Phase.VALIDATING;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SubmissionAccepted accepted(Batch batch, Instant now, List<String> indicators) {
        return new SubmissionAccepted(batch.id(), batch.kind(), batch.checkYear(), batch.department(), batch.submittedBy(),
                batch.strategy().name(), batch.coverage(), indicators, batch.created(), batch.updated(),
                batch.withdrawn(), batch.unchanged(), batch.rejected(), batch.late(), batch.overrideBy(), now);
    }

    private Flux<ByteBuf> copyData(TabularReader reader, SubmissionRows rows, ImportSummary summary, Progress progress) {
        return Flux.<ByteBuf>generate(sink -> {
            CopyText chunk = new CopyText(ROWS_PER_COPY_CHUNK * 64);
            int staged = 0;
            TabularRecord record = null;
            try {
                while (staged < ROWS_PER_COPY_CHUNK && (record = reader.next()) != null) {
                    progress.read++;
                    Object row = rows.read(record);
                    if (row instanceof StagedRow stagedRow) {
                        stagedRow.appendTo(chunk);
                        staged++;
                    } else {
                        synchronized (summary) {
                            summary.reject((RowProblem) row);
                        }
                        progress.rejected++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                sink.error(e);
                return;
            }
            if (chunk.length() > 0) {
                sink.next(chunk.utf8());
            }
            if (record == null) {
                sink.complete();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private TabularReader open(Upload upload) throws IOException {
        return switch (upload.format()) {
            case CSV -> CsvTabularReader.open(upload.file());
            case JSON -> JsonTabularReader.open(json, upload.file());
            case XLSX -> XlsxTabularReader.open(upload.file());
        };
    }

    private void checkOptions(SubmissionOptions options, TijianUser user) {
        if (user.department() == null || user.department().isBlank()) {
            throw new TijianException(SubmissionError.NOT_A_DEPARTMENT);
        }
        if (options.checkYear() < 2000 || options.checkYear() > 2100) {
            throw new TijianException(SubmissionError.INVALID_OPTION, "checkYear", "2000–2100");
        }
        if (options.kind() == ObservationKind.FINDING && options.strategy() != ImportStrategy.DELETE
                && options.coverage().isEmpty()) {
            throw new TijianException(SubmissionError.INVALID_OPTION, "coverage",
                    "a findings batch states the areas it surveyed / 逐项问题批次须说明调查范围");
        }
        for (String code : options.coverage()) {
            if (!AREA_CODE.matcher(code).matches()) {
                throw new TijianException(SubmissionError.INVALID_COVERAGE, code);
            }
        }
        if (options.sourceMethod() != null) {
            try {
                AcquisitionMethod.valueOf(options.sourceMethod());
            } catch (IllegalArgumentException e) {
                throw new TijianException(SubmissionError.INVALID_OPTION, "sourceMethod",
                        String.join(", ", java.util.Arrays.stream(AcquisitionMethod.values()).map(Enum::name).toList()));
            }
        }
    }

    /** Every coverage area must be known and inside the department's scope. */
    private Mono<Void> checkCoverage(SubmissionOptions options, TijianUser user) {
        if (options.coverage().isEmpty()) {
            return Mono.empty();
        }
        return db.sql("select code from area_copy where code = any(:codes)")
                .bind("codes", options.coverage().toArray(String[]::new))
                .map(row -> row.get("code", String.class)).all().collectList()
                .flatMap(known -> {
                    for (String code : options.coverage()) {
                        boolean inScope = user.has(Role.ADMINISTRATOR) || user.worksOn(code);
                        if (!known.contains(code) || !inScope) {
                            return Mono.error(new TijianException(SubmissionError.INVALID_COVERAGE, code));
                        }
                    }
                    return Mono.empty();
                });
    }

    private static String contentHash(Path file, SubmissionOptions options) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(options.toString().getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(Batch finished) {
        meters.counter("tijian.intake.batches", "status", finished.status().name(), "kind", finished.kind().name())
                .increment();
        if (finished.dryRun()) {
            return;
        }
        meters.counter("tijian.intake.rows", "department", finished.department(), "outcome", "accepted")
                .increment(finished.accepted());
        meters.counter("tijian.intake.rows", "department", finished.department(), "outcome", "rejected")
                .increment(finished.rejected());
        for (ImportSummary.Group group : finished.errors()) {
            meters.counter("tijian.intake.rows.rejected", "department", finished.department(), "code", group.code())
                    .increment(group.count());
        }
    }

    private static Batch finished(Batch batch, BatchStatus status, long read, long[] counts, ImportSummary summary,
            String message) {
        return new Batch(batch.id(), batch.kind(), batch.checkYear(), batch.department(), batch.submittedBy(),
                batch.format(), batch.fileName(), batch.strategy(), batch.atomic(), batch.dryRun(), batch.idempotencyKey(),
                batch.coverage(), batch.sourceMethod(), status, Batch.Phase.DONE, read, counts[0], counts[1], counts[2],
                counts[3], summary.rejected(), summary.groups(), message, batch.late(), batch.overrideBy(),
                batch.startedAt(), Instant.now());
    }

    private static Batch withoutKey(Batch b) {
        return new Batch(b.id(), b.kind(), b.checkYear(), b.department(), b.submittedBy(), b.format(), b.fileName(),
                b.strategy(), b.atomic(), b.dryRun(), null, b.coverage(), b.sourceMethod(), b.status(), b.phase(),
                b.rowsRead(), b.created(), b.updated(), b.withdrawn(), b.unchanged(), b.rejected(), b.errors(),
                b.message(), b.late(), b.overrideBy(), b.startedAt(), b.finishedAt());
    }

    public static Format format(String contentType, String fileName) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv") || type.startsWith("application/csv") || name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (type.startsWith("application/json") || name.endsWith(".json")) {
            return Format.JSON;
        }
        if (type.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") || name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        throw new TijianException(SubmissionError.UNSUPPORTED_FORMAT, contentType);
    }

    private static boolean isSmall(Path file) {
        try {
            return Files.size(file) <= SMALL_UPLOAD_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete upload {}", file, e);
        }
    }

    @Override
    public void destroy() {
        if (upkeep != null) {
            upkeep.dispose();
        }
        workers.shutdownNow();
        smallBatchWorkers.shutdownNow();
    }

    /** Counters of a running batch, written by its worker thread and read by the upkeep. */
    private static final class Progress {
        volatile Batch.Phase phase = Batch.Phase.QUEUED;
        volatile long read;
        volatile long rejected;
        volatile CompletableFuture<Batch> completion;
    }
}
