package org.tijian.evaluation.area;

import org.tijian.kit.imports.RowProblem;
import org.tijian.kit.imports.ImportSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.tijian.kit.bulk.CopyText;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.tabular.CsvTabularReader;
import org.tijian.kit.tabular.JsonTabularReader;
import org.tijian.kit.tabular.TabularReader;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports area files in the background, one at a time, all or nothing: rows are parsed while they
 * stream into the staging table, checked there, and merged only if no row was rejected.
 */
@Service
public class AreaImportService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AreaImportService.class);
    private static final int ROWS_PER_COPY_CHUNK = 2_000;
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

    private final AreaStore areas;
    private final R2dbcAreaImports imports;
    private final R2dbcAreaRollup rollup;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final String source;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "area-import"));

    public AreaImportService(AreaStore areas, R2dbcAreaImports imports, R2dbcAreaRollup rollup, JsonMapper json,
            MeterRegistry meters, @Value("${spring.application.name}") String source) {
        this.areas = areas;
        this.rollup = rollup;
        this.imports = imports;
        this.json = json;
        this.meters = meters;
        this.source = source;
    }

    public enum Format {
        CSV, JSON
    }

    /** Imports submitted to this instance and not finished: their heartbeat tells other replicas they are alive. */
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private Disposable upkeep;

    @EventListener(ApplicationReadyEvent.class)
    void keepImportsAlive() {
        upkeep = Flux.interval(Duration.ZERO, HEARTBEAT)
                .onBackpressureDrop()
                .concatMap(tick -> imports.heartbeat(Set.copyOf(active))
                        .then(imports.failAbandoned(ABANDONED_AFTER))
                        .doOnNext(failed -> {
                            if (failed > 0) {
                                log.warn("{} area import(s) lost their service instance and are marked FAILED", failed);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("area import upkeep failed; retried in {}", HEARTBEAT, e);
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    /** Starts importing {@code file} (deleted afterwards) and returns the running job at once. */
    public Mono<ImportJob> submit(Path file, Format format, String submittedBy) {
        ImportJob job = new ImportJob(UUID.randomUUID(), format.name(), ImportJob.Status.RUNNING, submittedBy, 0, 0, 0, 0, 0,
                List.of(), null, Instant.now(), null);
        return areas.saveJob(job)
                .then(Mono.fromRunnable(() -> {
                    active.add(job.id());
                    worker.execute(() -> runSafely(job, file, format));
                }))
                .thenReturn(job);
    }

    private void runSafely(ImportJob job, Path file, Format format) {
        ImportJob finished;
        try {
            finished = run(job, file, format);
        } catch (RuntimeException e) {
            log.error("area import {} failed", job.id(), e);
            finished = finish(job, ImportJob.Status.FAILED, 0, 0, 0, 0, new ImportSummary(), e.toString());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("cannot delete upload {}", file, e);
            }
        }
        imports.discard(job.id()).then(areas.saveJob(finished)).block();
        active.remove(job.id());
        meters.counter("tijian.areas.imports", "status", finished.status().name()).increment();
        log.info("area import {} {}: {} rows read, {} created, {} updated, {} unchanged, {} rejected", job.id(),
                finished.status(), finished.rowsRead(), finished.created(), finished.updated(), finished.unchanged(),
                finished.rejected());
    }

    ImportJob run(ImportJob job, Path file, Format format) {
        ImportSummary summary = new ImportSummary();
        AtomicLong read = new AtomicLong();
        AtomicLong staged = new AtomicLong();
        try (AreaRowReader reader = open(file, format)) {
            if (reader != null) {
                imports.copyIn(copyData(job.id(), reader, summary, read, staged)).block();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            summary.reject(new RowProblem(1, AreaError.MALFORMED_ROW, e.getMessage()));
        }
        if (read.get() == 0 && summary.clean()) {
            summary.reject(new RowProblem(1, AreaError.EMPTY_FILE, file.getFileName().toString()));
        }
        check(job.id(), summary);
        if (!summary.clean()) {
            return finish(job, ImportJob.Status.REJECTED, read.get(), 0, 0, 0, summary,
                    "nothing was changed: fix the rejected rows and submit the whole file again");
        }
        long[] merged = imports.merge(job.id(), source).block();
        rollup.refresh().block();
        long unchanged = staged.get() - merged[0] - merged[1];
        meters.counter("tijian.areas.changed").increment(merged[0] + merged[1]);
        return finish(job, ImportJob.Status.SUCCEEDED, read.get(), merged[0], merged[1], unchanged, summary, null);
    }

    /** The set-based checks, run only on what parsed. A level-order error inside a cycle is reported as the cycle. */
    private void check(UUID job, ImportSummary summary) {
        imports.duplicates(job).concatWith(imports.missingParents(job)).concatWith(imports.unknownParents(job))
                .concatWith(imports.childrenAbove(job))
                .doOnNext(summary::reject).blockLast();
        List<RowProblem> misordered = imports.levelOrder(job).collectList().block();
        List<String> cyclic = imports.inCycles(job, misordered.stream().map(RowProblem::value).toList())
                .collectList().block();
        for (RowProblem problem : misordered) {
            summary.reject(cyclic.contains(problem.value())
                    ? new RowProblem(problem.row(), AreaError.CYCLE, problem.value())
                    : problem);
        }
    }

    private Flux<ByteBuf> copyData(UUID job, AreaRowReader reader, ImportSummary summary, AtomicLong read,
            AtomicLong staged) {
        return Flux.<ByteBuf>generate(sink -> {
            CopyText chunk = new CopyText(ROWS_PER_COPY_CHUNK * 96);
            int rows = 0;
            AreaRow row = null;
            try {
                while (rows < ROWS_PER_COPY_CHUNK && (row = reader.next()) != null) {
                    read.incrementAndGet();
                    if (row instanceof AreaRow.Parsed parsed && geometryIsJson(parsed)) {
                        AreaCopyFormat.append(chunk, job, parsed.row(), parsed.area());
                        staged.incrementAndGet();
                        rows++;
                    } else if (row instanceof AreaRow.Rejected rejected) {
                        summary.reject(rejected.problem());
                    } else {
                        summary.reject(new RowProblem(row.row(), AreaError.MALFORMED_ROW, "geometry is not JSON"));
                    }
                }
            } catch (IOException e) {
                sink.error(e);
                return;
            }
            if (chunk.length() > 0) {
                sink.next(chunk.utf8());
            }
            if (row == null) {
                sink.complete();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private boolean geometryIsJson(AreaRow.Parsed parsed) {
        String geometry = parsed.area().geometry();
        if (geometry == null) {
            return true;
        }
        try {
            return json.readTree(geometry).isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private AreaRowReader open(Path file, Format format) throws IOException {
        TabularReader records = format == Format.CSV ? CsvTabularReader.open(file) : JsonTabularReader.open(json, file);
        return records == null ? null : new TabularAreaReader(records);
    }

    private static ImportJob finish(ImportJob job, ImportJob.Status status, long read, long created, long updated,
            long unchanged, ImportSummary summary, String message) {
        return new ImportJob(job.id(), job.format(), status, job.submittedBy(), read, created, updated, unchanged,
                summary.rejected(), new ArrayList<>(summary.groups()), message, job.startedAt(), Instant.now());
    }

    public static Format format(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("text/csv") || type.startsWith("application/csv")) {
            return Format.CSV;
        }
        if (type.startsWith("application/json")) {
            return Format.JSON;
        }
        throw new TijianException(AreaError.UNSUPPORTED_FORMAT, contentType);
    }

    @Override
    public void destroy() {
        if (upkeep != null) {
            upkeep.dispose();
        }
        worker.shutdownNow();
    }
}
