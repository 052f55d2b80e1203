package org.tijian.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tijian.standalone.Platform;
import org.tijian.standalone.PlatformConfig;
import tools.jackson.databind.JsonNode;

/**
 * Not a test: prints figures. Intake's throughput for one large VALUE upload and its latency for small ones,
 * measured on the running platform (every service a child JVM from its runnable jar, embedded PostgreSQL and
 * Kafka, as the end-to-end tests start it, every JVM at {@code -Xmx512m}), next to what the same broker and the
 * same database server take from a plain producer and a plain {@code COPY}. See benchmarks/README.md.
 *
 * <p>Floors are compared and printed, never asserted; what is asserted is only that the work was really done
 * (the batches succeeded, every row reached Kafka).
 */
class IntakeBenchmark {

    private static final long ROWS = Long.getLong("benchmark.rows", 1_000_000);
    private static final int SMALL_RATE = Integer.getInteger("benchmark.small.rate", 20);
    private static final int SMALL_SECONDS = Integer.getInteger("benchmark.small.seconds", 60);
    /** Small batches at the same rate before the measured ones: the services' JIT compiles the small-batch path then. */
    private static final int SMALL_WARM_UP_SECONDS = Integer.getInteger("benchmark.small.warmUpSeconds", 60);
    private static final int FIRST_SMALL_WARM_UP_YEAR = 2070;
    private static final int SMALL_ROWS = Integer.getInteger("benchmark.small.rows", 100);
    private static final long WARM_UP_ROWS = Math.min(10_000, ROWS);
    private static final int PORT_OFFSET = Integer.getInteger("benchmark.portOffset", 1500);
    /** Whether evaluation consumes intake's observations during the run (by default it is held back). */
    private static final boolean DOWNSTREAM = Boolean.getBoolean("benchmark.downstream");
    private static final double FLOOR_ROWS_PER_SECOND = 20_000;
    private static final double FLOOR_P99_MILLIS = 200;
    private static final long HEAP_LIMIT_BYTES = 512L << 20;
    private static final String DB_USER = "tijian";
    private static final String DB_PASSWORD = "tijian";
    private static final String SUBMISSIONS = "/api/intake/submissions";
    private static final int BIG_YEAR = 2025;
    private static final int WARM_UP_YEAR = 2024;
    private static final int FIRST_SMALL_YEAR = 2026;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String RELAY_PHASE = "relay publishing the big batch";
    private static final String SMALL_PHASE = "small batches at a fixed rate";
    private static final String ONE_AT_A_TIME_PHASE = "small batches one at a time";
    private static final int ONE_AT_A_TIME = 20;
    private static final int ONE_AT_A_TIME_YEAR = 2023;
    private static final String BATCH_SECONDS_SUM = "tijian_intake_batch_duration_seconds_sum";
    private static final String BATCH_SECONDS_COUNT = "tijian_intake_batch_duration_seconds_count";

    @Test
    void intakeThroughputAndLatency() throws Exception {
        long runStarted = System.nanoTime();
        Path work = freshWorkDir("benchmark-work");
        List<String> javaOptions = javaOptions();
        Report report = new Report("Intake benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        report.context("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", load average at start " + loadAverage());
        report.context("services and Kafka: " + String.join(" ", javaOptions.stream()
                .filter(o -> !o.startsWith("-Dspring.cloud")).toList())
                + (DOWNSTREAM ? "; evaluation consumes the observations during the run"
                        : "; evaluation's consumer of intake.observations.v1 held back (bound to an unused topic)"));

        PlatformConfig config = platformConfig(work, PORT_OFFSET, javaOptions)
                .startupTimeout(Duration.ofMinutes(10))
                .build();
        progress("starting the platform in %s", config.dataDir());
        try (Platform platform = Platform.start(config);
                Connection intakeDb = DriverManager.getConnection(jdbcUrl(platform), DB_USER, DB_PASSWORD);
                TopicOffsets observations = new TopicOffsets(platform.kafkaBootstrapServers(), ObservationTopic.TOPIC);
                MetricsSampler intake = new MetricsSampler(
                        new Api(platform.serviceUrl("data-intake-service"), platform.tokenFor("operator")));
                PostgresActivity database = new PostgresActivity(jdbcUrl(platform), DB_USER, DB_PASSWORD)) {
            report.context("platform started in " + elapsed(platform.startupTime().toNanos()) + " s (offset "
                    + PORT_OFFSET + ", logs in " + config.logsDir() + ")");
            Api admin = new Api(platform.gatewayUrl(), platform.tokenFor("admin"));
            Api housing = new Api(platform.gatewayUrl(), platform.tokenFor("housing-dept"));
            Consumer<String> phase = name -> {
                intake.phase(name);
                database.phase(name);
            };

            // 1. The catalog: areas for every key, imported through evaluation, copied by intake. Not timed.
            progress("platform up in %.1f s; importing the areas", platform.startupTime().toNanos() / 1e9);
            NanchangAreas areas = NanchangAreas.withAtLeast((int) ((ROWS + 3) / 4));
            ValueRows keys = new ValueRows(areas.generatedCodes());
            long catalogStarted = System.nanoTime();
            fillCatalog(admin, areas, work);
            report.context(String.format("catalog: %,d areas of Nanchang imported and copied by intake in %s s (not timed)",
                    areas.areaCount(), elapsed(System.nanoTime() - catalogStarted)));

            // 2. One big upload, after a small one that warms the path up.
            intake.start();
            database.start();
            phase.accept("warm-up");
            Path warmUp = keys.write(work.resolve("warm-up.csv"), 0, WARM_UP_ROWS);
            submitAndAwait(housing, warmUp, WARM_UP_YEAR, Duration.ofMinutes(10), new LinkedHashMap<>(), name -> { });
            awaitOutboxEmpty(intakeDb, Duration.ofMinutes(10), null, null);

            Path csv = keys.write(work.resolve("values-" + ROWS + ".csv"), 0, ROWS);
            progress("warm-up done; uploading %,d rows (%,d bytes)", ROWS, Files.size(csv));
            double bigBatchTimeBefore = intake.total(BATCH_SECONDS_SUM);
            Map<String, Double> timeline = new LinkedHashMap<>();
            long wallStart = System.currentTimeMillis();
            long t0 = System.nanoTime();
            JsonNode batch = submitAndAwait(housing, csv, BIG_YEAR, Duration.ofMinutes(30), timeline,
                    batchPhase -> phase.accept("big batch " + batchPhase));
            long tSucceeded = System.nanoTime();
            phase.accept(RELAY_PHASE);
            progress("batch SUCCEEDED after %.1f s; waiting for the outbox relay", (tSucceeded - t0) / 1e9);
            List<long[]> relayProgress = new ArrayList<>();
            awaitOutboxEmpty(intakeDb, Duration.ofMinutes(60), observations, relayProgress);
            long tPublished = System.nanoTime();
            phase.accept("verification and baselines");
            progress("all published after %.1f s; counting on Kafka, then the baselines", (tPublished - t0) / 1e9);
            double bigBatchServiceSeconds = intake.total(BATCH_SECONDS_SUM) - bigBatchTimeBefore;
            String batchId = batch.get("id").asString();
            if (batch.get("created").asLong() != ROWS) {
                throw new AssertionError("the big batch did not create every row: " + batch);
            }
            ObservationTopic.Count onKafka = ObservationTopic.countBatch(platform.kafkaBootstrapServers(), batchId, ROWS);
            if (onKafka.distinctRows() != ROWS) {
                throw new AssertionError("expected " + ROWS + " rows of batch " + batchId + " on Kafka, found "
                        + onKafka.distinctRows() + " (" + onKafka.records() + " records)");
            }
            double importSeconds = (tSucceeded - t0) / 1e9;
            double endToEndSeconds = (tPublished - t0) / 1e9;
            double relaySeconds = (tPublished - tSucceeded) / 1e9;
            double endToEnd = ROWS / endToEndSeconds;

            // 3. Baselines on the same broker and the same database server.
            progress("%,d of the batch's records on Kafka; plain producer baseline", onKafka.distinctRows());
            KafkaProducerBaseline.Result producer = new KafkaProducerBaseline(platform.kafkaBootstrapServers(), keys,
                    onKafka.sample()).run(ROWS, onKafka.partitions());
            progress("plain producer: %.0f records/s; plain COPY baseline", producer.perSecond());
            CopyBaseline.Result copy = CopyBaseline.run(jdbcUrl(platform), DB_USER, DB_PASSWORD, csv);

            // 4. Small batches: a few one at a time, then at a fixed rate.
            awaitOutboxEmpty(intakeDb, Duration.ofMinutes(10), null, null);
            phase.accept("small batches: warm-up");
            List<SmallBatchLoad.Upload> warmUpUploads = smallUploads(keys, FIRST_SMALL_WARM_UP_YEAR,
                    SMALL_RATE * SMALL_WARM_UP_SECONDS);
            progress("warming the small-batch path up: %,d small batches at %d/s", warmUpUploads.size(), SMALL_RATE);
            SmallBatchLoad.Result smallWarmUp = SmallBatchLoad.run(housing, warmUpUploads, SMALL_RATE, SMALL_ROWS);
            awaitBatchesSettled(intakeDb, Duration.ofSeconds(30), Duration.ofMinutes(30));
            awaitOutboxEmpty(intakeDb, Duration.ofMinutes(10), null, null);
            report.context(String.format("small-batch warm-up (not measured): %,d batches at %d/s, %,d answered 201 SUCCEEDED,"
                    + " p50 %s ms, p99 %s ms", smallWarmUp.scheduled(), SMALL_RATE, smallWarmUp.succeeded(),
                    ms(smallWarmUp.percentileMillis(50)), ms(smallWarmUp.percentileMillis(99))));
            phase.accept(ONE_AT_A_TIME_PHASE);
            long[] alone = oneAtATime(housing, keys);
            List<SmallBatchLoad.Upload> uploads = smallUploads(keys, FIRST_SMALL_YEAR, SMALL_RATE * SMALL_SECONDS);
            progress("%,d small batches at %d/s", uploads.size(), SMALL_RATE);
            phase.accept(SMALL_PHASE);
            double smallCountBefore = intake.total(BATCH_SECONDS_COUNT);
            double smallTimeBefore = intake.total(BATCH_SECONDS_SUM);
            long smallStarted = System.nanoTime();
            SmallBatchLoad.Result small = SmallBatchLoad.run(housing, uploads, SMALL_RATE, SMALL_ROWS);
            phase.accept("small batches: after the last answer");
            progress("small batches answered: %,d of %,d 201 SUCCEEDED; waiting for the rest", small.succeeded(),
                    small.scheduled());
            long[] settled = awaitBatchesSettled(intakeDb, Duration.ofSeconds(30), Duration.ofMinutes(30));
            double smallAllDoneSeconds = (settled[0] - smallStarted) / 1e9;
            long neverRun = settled[1];
            double smallBatchesRun = intake.total(BATCH_SECONDS_COUNT) - smallCountBefore;
            double smallServiceSeconds = intake.total(BATCH_SECONDS_SUM) - smallTimeBefore;
            awaitOutboxEmpty(intakeDb, Duration.ofMinutes(10), null, null);
            double smallPublishedSeconds = (System.nanoTime() - smallStarted) / 1e9;
            phase.accept("done");

            // The table.
            report.figure(String.format("1 upload of %,d VALUE rows: accepted into PostgreSQL (upload → SUCCEEDED)", ROWS),
                    rate(ROWS, importSeconds) + " rows/s (" + seconds(importSeconds) + " s)");
            report.figure("same upload end to end: upload → every ObservationAccepted on Kafka",
                    rate(ROWS, endToEndSeconds) + " rows/s (" + seconds(endToEndSeconds) + " s)",
                    "≥ 20,000 rows/s", endToEnd >= FLOOR_ROWS_PER_SECOND);
            report.figure("outbox relay alone: SUCCEEDED → last row published",
                    rate(ROWS, relaySeconds) + " events/s (" + seconds(relaySeconds) + " s)");
            report.figure("baseline: plain Kafka producer (acks=all, idempotent, key = area code), same records",
                    rate(producer.records(), producer.seconds()) + " records/s (" + seconds(producer.seconds()) + " s)");
            report.figure("Tijian end to end ÷ plain producer", Report.decimal(endToEnd / producer.perSecond(), 3));
            report.figure("baseline: plain COPY of the same CSV into a table without indexes",
                    rate(copy.rows(), copy.seconds()) + " rows/s (" + seconds(copy.seconds()) + " s)");
            report.figure("Tijian end to end ÷ plain COPY", Report.decimal(endToEnd / copy.perSecond(), 3));
            double maxHeap = intake.maxHeapBytes();
            report.figure("intake's heap, most used (sum of heap pools, sampled every 1 s from warm-up to the end)",
                    mib(maxHeap) + " MiB of " + mib(intake.heapLimitBytes()) + " MiB (-Xmx512m)",
                    "< 512 MiB", maxHeap < HEAP_LIMIT_BYTES);
            report.figure(String.format("%d-row batch, one at a time (%d in a row): latency p50 / max", SMALL_ROWS,
                    alone.length), ms(alone[alone.length / 2] / 1e6) + " / " + ms(alone[alone.length - 1] / 1e6) + " ms");
            String smallName = String.format("%d-row batches at %d/s for %d s (%,d batches, open loop), until answered "
                    + "201 SUCCEEDED", SMALL_ROWS, SMALL_RATE, SMALL_SECONDS, small.scheduled());
            report.figure(smallName + ": latency p50 / p95 / p99 / max (a batch not answered so counts as slowest)",
                    String.format("%s / %s / %s / %s ms (slowest answered: %s ms)", ms(small.percentileMillis(50)),
                            ms(small.percentileMillis(95)), ms(small.percentileMillis(99)), ms(small.maxMillis()),
                            ms(small.maxAnsweredMillis())),
                    "p99 < 200 ms", small.percentileMillis(99) < FLOOR_P99_MILLIS && small.failed() == 0);
            report.figure("small batches not answered 201 SUCCEEDED", small.failed() + " of " + small.scheduled()
                    + (small.failures().isEmpty() ? "" : " " + small.failures()), "0", small.failed() == 0);
            report.figure("small batches still RUNNING, phase QUEUED, 30 s after the last change (never imported)",
                    neverRun + " of " + small.scheduled(), "0", neverRun == 0);
            report.figure("small batches: rows imported per second while they ran",
                    rate((long) smallBatchesRun * SMALL_ROWS, smallAllDoneSeconds) + " rows/s ("
                            + Report.number(smallBatchesRun) + " batches done " + seconds(smallAllDoneSeconds)
                            + " s after the first was sent)");

            report.note("### Where the time went");
            report.note("");
            report.note("Big upload, seconds from the start of the upload (batch phases as polled every 200 ms through "
                    + "the gateway; intake writes a running batch's phase every second):");
            report.note("");
            for (Map.Entry<String, Double> step : timeline.entrySet()) {
                report.note("- " + step.getKey() + ": " + seconds(step.getValue()));
            }
            report.note("- SUCCEEDED seen: " + seconds(importSeconds) + " (the import job itself, by intake's "
                    + "tijian.intake.batch.duration: " + seconds(bigBatchServiceSeconds) + " s); outbox empty: "
                    + seconds(endToEndSeconds));
            report.note(String.format("- on Kafka: %,d records of the batch (%,d distinct rows), record timestamps from "
                            + "+%s s to +%s s; payload %s bytes and headers %s bytes on average (baseline: %s and %s)",
                    onKafka.records(), onKafka.distinctRows(), seconds((onKafka.firstTimestamp() - wallStart) / 1e3),
                    seconds((onKafka.lastTimestamp() - wallStart) / 1e3), Report.number(onKafka.averageValueBytes()),
                    Report.number(onKafka.averageHeaderBytes()), Report.number(producer.averageValueBytes()),
                    Report.number(producer.averageHeaderBytes())));
            report.note("- relay, records added to intake.observations.v1 per second, per 10 s: " + relayRates(relayProgress));
            report.note("");
            report.note(String.format("Small batches: %,d answered 201 within %s s of the first; the last batch finished %s s "
                            + "and every event was published %s s after the first was sent. One import job took %s ms on "
                            + "average inside intake (tijian.intake.batch.duration over %,.0f jobs); intake runs %s of them "
                            + "at a time, the rest of a latency is waiting for a worker and HTTP. Largest start lag of the "
                            + "schedule: %s ms.",
                    small.succeeded(), seconds(small.seconds()), seconds(smallAllDoneSeconds),
                    seconds(smallPublishedSeconds), ms(smallServiceSeconds * 1000 / smallBatchesRun), smallBatchesRun,
                    "up to 4 (tijian.intake.small-batch-workers)", ms(small.maxStartLagMillis())));
            report.note("");
            report.note("intake per phase: most heap used; average CPU of intake's process / of the whole machine "
                    + "(100% = all cores); most batches running at once (/actuator/prometheus every second):");
            report.note("");
            for (Map.Entry<String, MetricsSampler.Phase> entry : intake.phases().entrySet()) {
                MetricsSampler.Phase p = entry.getValue();
                report.note(String.format("- %s: %s MiB, CPU %s%% / %s%%, %s running (%d samples)", entry.getKey(),
                        mib(p.maxHeapBytes), Report.number(p.averageCpu() * 100),
                        Report.number(p.averageSystemCpu() * 100), Report.number(p.maxRunningBatches), p.samples));
            }
            report.note("");
            report.note("intake's connections in PostgreSQL per phase (pg_stat_activity every 250 ms: share of samples in "
                    + "which a connection was doing this; `CPU` = active and waiting for nothing):");
            report.note("");
            for (String name : List.of("big batch READING", "big batch VALIDATING", "big batch MERGING", RELAY_PHASE,
                    ONE_AT_A_TIME_PHASE, SMALL_PHASE)) {
                report.note("- " + name + " (" + database.samples(name) + " samples): "
                        + String.join("; ", database.top(name, 6)));
            }
            report.note("");
            report.note(String.format("run time %s min; load average at the end %s",
                    Report.decimal((System.nanoTime() - runStarted) / 60e9, 1), loadAverage()));
            report.printAndWrite(work.getParent().resolve("benchmark-results.md"));
        }
    }

    /** The standalone defaults with a 512 MB heap and the full JIT; evaluation's observation consumer held back. */
    private static List<String> javaOptions() {
        List<String> options = serviceJavaOptions();
        if (!DOWNSTREAM) {
            // with auto-startup=false the consumer was still seen assigned the partitions, so the binding
            // listens to a topic nobody writes to
            options.add("-Dspring.cloud.stream.bindings.intakeObservations-in-0.destination=benchmark.held-back");
            options.add("-Dspring.cloud.stream.bindings.intakeSubmissions-in-0.destination=benchmark.held-back");
        }
        return options;
    }

    /** An empty folder under {@code benchmark.dir} (default {@code target}) for one benchmark's platform and files. */
    static Path freshWorkDir(String name) throws IOException {
        Path work = Path.of(System.getProperty("benchmark.dir", "target")).toAbsolutePath().resolve(name);
        deleteRecursively(work);
        Files.createDirectories(work);
        return work;
    }

    /** The benchmarks' platform: the services' jars from the build, data in {@code work/platform}. */
    static PlatformConfig.Builder platformConfig(Path work, int portOffset, List<String> javaOptions) {
        return PlatformConfig.builder()
                .dataDir(work.resolve("platform"))
                .portOffset(portOffset)
                .servicesDir(Path.of(System.getProperty("tijian.services.dir", "target/services")))
                .javaOptions(javaOptions);
    }

    /** {@code benchmark.javaOptions}, by default a 512 MB heap, the parallel collector and small thread stacks. */
    static List<String> serviceJavaOptions() {
        List<String> options = new ArrayList<>();
        String override = System.getProperty("benchmark.javaOptions");
        if (override != null && !override.isBlank()) {
            options.addAll(Arrays.asList(override.trim().split("\\s+")));
        } else {
            options.addAll(List.of("-Xmx512m", "-XX:+UseParallelGC", "-Xss512k"));
        }
        return options;
    }

    private static void fillCatalog(Api admin, NanchangAreas areas, Path work) {
        Path csv = areas.writeImportCsv(work.resolve("nanchang-areas.csv"));
        JsonNode job = admin.postFile("/api/evaluation/area-imports", "text/csv", csv, Duration.ofMinutes(5))
                .expect(202).json();
        String jobPath = "/api/evaluation/area-imports/" + job.get("id").asString();
        JsonNode done = await("the area import", Duration.ofMinutes(20), Duration.ofSeconds(1),
                () -> admin.get(jobPath).json(), j -> !"RUNNING".equals(j.get("status").asString()));
        if (!"SUCCEEDED".equals(done.get("status").asString())) {
            throw new AssertionError("the area import did not succeed: " + done);
        }
        JsonNode source = admin.get("/api/evaluation/catalog/status").expect(200).json();
        // Every service's copy, not only intake's: a copy still being filled would take CPU from what is timed.
        for (String copyStatus : List.of("/api/intake/catalog/status", "/api/ledger/catalog/status",
                "/api/projects/catalog/status")) {
            await(copyStatus, Duration.ofMinutes(30), Duration.ofSeconds(2), () -> admin.get(copyStatus).json(),
                    copy -> copy.get("areas").equals(source.get("areas"))
                            && copy.get("indicators").equals(source.get("indicators")));
        }
    }

    /**
     * Uploads with {@code wait=false} and polls the batch until it is finished, noting when each phase was first
     * seen (seconds since the upload began) in {@code timeline}.
     */
    private static JsonNode submitAndAwait(Api department, Path csv, int year, Duration atMost, Map<String, Double> timeline,
            Consumer<String> phases) {
        long started = System.nanoTime();
        Api.Response accepted = department.postFile(SUBMISSIONS + "?kind=VALUE&checkYear=" + year
                + "&strategy=CREATE&wait=false&fileName=" + csv.getFileName(), "text/csv", csv, Duration.ofMinutes(10));
        if (accepted.status() != 202) {
            throw new AssertionError("upload answered " + accepted.status() + ": " + accepted.body());
        }
        timeline.put("upload answered 202", (System.nanoTime() - started) / 1e9);
        String path = SUBMISSIONS + "/" + accepted.json().get("id").asString();
        JsonNode batch = Awaitility.await("batch " + path).atMost(atMost).pollInterval(POLL).until(() -> {
            JsonNode seen = department.get(path).expect(200).json();
            String phase = seen.get("phase").asString();
            if (!timeline.containsKey("phase " + phase + " first seen")) {
                timeline.put("phase " + phase + " first seen", (System.nanoTime() - started) / 1e9);
                phases.accept(phase);
            }
            return seen;
        }, seen -> !"RUNNING".equals(seen.get("status").asString()));
        if (!"SUCCEEDED".equals(batch.get("status").asString())) {
            throw new AssertionError("batch " + batch.get("status").asString() + ": " + batch);
        }
        return batch;
    }

    /**
     * Polls intake's outbox every 200 ms until no row is unpublished (a cheap existence check on the outbox's
     * partial index, as the relay's own query; counting the backlog would load the database the relay needs).
     * {@code progress} gets {nanoTime, records on the topic} samples.
     */
    private static void awaitOutboxEmpty(Connection intakeDb, Duration atMost, TopicOffsets topic, List<long[]> progress)
            throws SQLException {
        try (PreparedStatement query = intakeDb.prepareStatement(
                "select exists (select 1 from outbox_event where published_at is null)")) {
            Awaitility.await("intake's outbox empty").atMost(atMost).pollInterval(POLL).until(() -> {
                boolean pending;
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    pending = rows.getBoolean(1);
                }
                if (progress != null) {
                    progress.add(new long[] {System.nanoTime(), topic.total()});
                }
                return !pending;
            });
        }
    }

    /**
     * Waits until intake runs no batch any more, or until the number of running batches has not changed for
     * {@code quiet} (batches that no worker will ever run stay RUNNING, see benchmarks/README.md).
     *
     * @return {nanoTime of the last change, batches still RUNNING in phase QUEUED}
     */
    private static long[] awaitBatchesSettled(Connection intakeDb, Duration quiet, Duration atMost) throws SQLException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long[] lastChange = {System.nanoTime(), -1, 0};
        try (PreparedStatement query = intakeDb.prepareStatement(
                "select count(*), count(*) filter (where phase = 'QUEUED') from submission_batch where status = 'RUNNING'")) {
            // Never fails: after atMost it returns what it saw last.
            Awaitility.await("intake's batches settled").atMost(atMost.plus(POLL.multipliedBy(2))).pollInterval(POLL)
                    .until(() -> {
                        long running;
                        try (ResultSet rows = query.executeQuery()) {
                            rows.next();
                            running = rows.getLong(1);
                            lastChange[2] = rows.getLong(2);
                        }
                        if (running != lastChange[1]) {
                            lastChange[1] = running;
                            lastChange[0] = System.nanoTime();
                        }
                        return running == 0 || System.nanoTime() - lastChange[0] > quiet.toNanos()
                                || System.nanoTime() > deadline;
                    });
        }
        return new long[] {lastChange[0], lastChange[2]};
    }

    /** Small batches sent one after the other, each after the previous was answered: latencies sorted, in ns. */
    private static long[] oneAtATime(Api department, ValueRows keys) {
        long[] latencies = new long[ONE_AT_A_TIME];
        for (int i = 0; i < ONE_AT_A_TIME; i++) {
            String csv = keys.text((long) i * SMALL_ROWS, SMALL_ROWS);
            long started = System.nanoTime();
            JsonNode batch = department.postText(SUBMISSIONS + "?kind=VALUE&checkYear=" + ONE_AT_A_TIME_YEAR
                    + "&strategy=CREATE&fileName=alone-" + i + ".csv", "text/csv", csv).expect(201).json();
            latencies[i] = System.nanoTime() - started;
            if (!"SUCCEEDED".equals(batch.get("status").asString()) || batch.get("created").asLong() != SMALL_ROWS) {
                throw new AssertionError("a small batch did not create its rows: " + batch);
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static String jdbcUrl(Platform platform) {
        return platform.jdbcUrl("tijian_intake") + "?ApplicationName=" + PostgresActivity.APPLICATION_NAME;
    }

    /** The relay's rate per 10 s window, from the outbox samples. */
    private static String relayRates(List<long[]> progress) {
        if (progress.size() < 2) {
            return "n/a";
        }
        List<String> windows = new ArrayList<>();
        long[] windowStart = progress.get(0);
        for (long[] sample : progress) {
            if (sample[0] - windowStart[0] >= 10_000_000_000L || sample == progress.get(progress.size() - 1)) {
                double secondsInWindow = (sample[0] - windowStart[0]) / 1e9;
                if (secondsInWindow > 0) {
                    windows.add(Report.number((sample[1] - windowStart[1]) / secondsInWindow));
                }
                windowStart = sample;
            }
        }
        return String.join(", ", windows);
    }

    /** Distinct keys per batch: consecutive keys of one check year, the next year once a year's keys are used up. */
    private static List<SmallBatchLoad.Upload> smallUploads(ValueRows keys, int firstYear, int count) {
        long batchesPerYear = keys.keys() / SMALL_ROWS;
        List<SmallBatchLoad.Upload> uploads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int year = firstYear + (int) (i / batchesPerYear);
            long first = (i % batchesPerYear) * SMALL_ROWS;
            uploads.add(new SmallBatchLoad.Upload(SUBMISSIONS + "?kind=VALUE&checkYear=" + year
                    + "&strategy=CREATE&fileName=small-" + i + ".csv", keys.text(first, SMALL_ROWS)));
        }
        return uploads;
    }

    /** Polls {@code probe} until {@code done}; a probe that throws counts as not done yet. */
    private static <T> T await(String what, Duration atMost, Duration interval, java.util.concurrent.Callable<T> probe,
            Predicate<T> done) {
        return Awaitility.await(what).atMost(atMost).pollInterval(interval).ignoreExceptions().until(probe, done::test);
    }

    private static void progress(String format, Object... arguments) {
        System.out.printf("[benchmark %s] %s%n", java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(format, arguments));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String rate(long count, double seconds) {
        return Report.number(count / seconds);
    }

    private static String seconds(double seconds) {
        return Report.decimal(seconds, 1);
    }

    private static String elapsed(long nanos) {
        return Report.decimal(nanos / 1e9, 1);
    }

    private static String ms(double millis) {
        return Double.isInfinite(millis) ? "unanswered" : Report.decimal(millis, 1);
    }

    private static String mib(double bytes) {
        return Report.number(bytes / (1 << 20));
    }
}
