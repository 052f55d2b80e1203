package org.tijian.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.EventType;
import org.tijian.contracts.Topics;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.contracts.intake.SubmissionAccepted;
import org.tijian.standalone.Platform;
import org.tijian.standalone.PlatformConfig;
import org.tijian.testing.areas.GeneratedProvince;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluation's two floors (issue 5): replaying a province's year from the observations topic (11 cities, 10 million
 * observations, most of them item-level housing findings) in at most 10 minutes, and one new observation's verdict
 * published with p99 at most 1 s at 1,000 observations/s. Prints figures; asserts only that the work was done.
 * See benchmarks/README.md.
 */
class EvaluationBenchmark {

    private static final long OBSERVATIONS = Long.getLong("benchmark.evaluation.observations", 10_000_000);
    private static final int LATENCY_RATE = Integer.getInteger("benchmark.evaluation.rate", 1000);
    private static final int LATENCY_SECONDS = Integer.getInteger("benchmark.evaluation.seconds", 60);
    private static final int LATENCY_WARM_UP_SECONDS = Integer.getInteger("benchmark.evaluation.warmUpSeconds", 20);
    private static final int PORT_OFFSET = Integer.getInteger("benchmark.portOffset", 1500);
    private static final int REPLAY_LIMIT_MINUTES = Integer.getInteger("benchmark.evaluation.replayLimitMinutes", 120);
    private static final String SHARED_BUFFERS = System.getProperty("benchmark.evaluation.sharedBuffers", "2GB");
    /**
     * A province's replay writes about 25 GB of WAL: at 4GB a checkpoint came every 2 GB (12 in the replay, 1.2 million
     * full-page images, 40 % of the WAL) and the 16 MB of WAL buffers were full 230,000 times.
     */
    private static final String MAX_WAL_SIZE = System.getProperty("benchmark.evaluation.maxWalSize", "16GB");
    private static final String EVALUATION = "evaluation-service";
    private static final String[] HOUSING = {"H01", "H02", "H03", "H04", "H05", "H06", "H07", "H08", "H09", "H10"};
    private static final String[] FINDING_TYPES = {"STRUCTURAL_HAZARD", "GAS_HAZARD", "STAIRWELL_HAZARD",
        "ENVELOPE_HAZARD", "NON_SELF_CONTAINED_DWELLING", "DAMAGED_PIPELINE", "AGE_FRIENDLY_RETROFIT_NEEDED",
        "SUBSTANDARD_TAP_WATER", "ENERGY_RETROFIT_NEEDED", "DIGITAL_RETROFIT_NEEDED"};
    private static final int COMMUNITIES = 5;
    private static final int COMPOUNDS = 8;
    private static final int REPLAY_YEAR = 2024;
    private static final int LATENCY_YEAR = 2025;
    private static final String DB_USER = "tijian";
    private static final String DB_PASSWORD = "tijian";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void replayAndLatency() throws Exception {
        Path work = IntakeBenchmark.freshWorkDir("benchmark-work");
        List<String> javaOptions = IntakeBenchmark.serviceJavaOptions();
        Report report = new Report("Evaluation benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        report.context("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "; evaluation-service alone with PostgreSQL and Kafka: "
                + String.join(" ", javaOptions));

        // A province with enough buildings that about half the (building, housing indicator) pairs hold a finding.
        long streets = GeneratedProvince.realDivisions().stream().filter(r -> r[2].equals("STREET")).count();
        int buildingsPerCompound = (int) Math.max(1, Math.ceil(OBSERVATIONS / (streets * COMPOUNDS * COMMUNITIES * 10 * 0.5)));
        GeneratedProvince province = GeneratedProvince.perStreet(COMMUNITIES, COMPOUNDS, buildingsPerCompound);
        ProvinceFeed feed = new ProvinceFeed(OBSERVATIONS, buildingsPerCompound);

        PlatformConfig config = IntakeBenchmark.platformConfig(work, PORT_OFFSET, javaOptions)
                .services(List.of(EVALUATION))
                .postgresSetting("shared_buffers", SHARED_BUFFERS)
                .postgresSetting("max_wal_size", MAX_WAL_SIZE)
                .postgresSetting("checkpoint_timeout", "30min")
                .postgresSetting("wal_buffers", "64MB")
                .startupTimeout(Duration.ofMinutes(10))
                .build();
        progress("starting PostgreSQL, Kafka and evaluation-service in %s", config.dataDir());
        try (Platform platform = Platform.start(config);
                Connection db = DriverManager.getConnection(platform.jdbcUrl("tijian_evaluation"), DB_USER, DB_PASSWORD)) {
            Api admin = new Api(platform.serviceUrl(EVALUATION), platform.tokenFor("admin"));
            boolean hugePages = scalar(db, "select (current_setting('huge_pages_status') = 'on')::int") == 1;
            report.context("PostgreSQL's shared buffers " + SHARED_BUFFERS + " in huge pages: "
                    + (hugePages ? "on" : "off") + " (docs/operations.md, \"PostgreSQL\")");

            // 1. The area tree (not timed).
            long started = System.nanoTime();
            importAreas(admin, province.writeCsv(work.resolve("province.csv"), StandardCharsets.UTF_8));
            await("the area rollup", Duration.ofMinutes(30), () -> scalar(db,
                    "select count(*) from area where path is null or (level = 'CITY' and buildings = 0)") == 0);
            // the import's AreaDefined events are relayed before the replay, so that they do not share its time
            await("the area events", Duration.ofMinutes(30), () -> scalar(db,
                    "select count(*) from outbox_event where published_at is null") == 0);
            report.context(String.format("area tree: %,d areas (%d cities, %,d streets, %,d buildings) imported in %s s"
                    + " (not timed)", province.areaCount(), 11, streets, feed.buildings(), elapsed(started)));

            // 2. The year's observations on intake's topics, while evaluation is stopped (not timed).
            // stopped, not killed: a killed consumer stays in its group until the session timeout (45 s), which the
            // replay's clock would count
            platform.stop(EVALUATION);
            started = System.nanoTime();
            ProvinceFeed.Written written = feed.write(platform.kafkaBootstrapServers(), json);
            report.context(String.format("observations topic: %,d records (%,d findings, %,d values) and %,d submissions"
                    + " with survey coverage, produced in %s s (not timed)", written.findings() + written.values(),
                    written.findings(), written.values(), written.submissions(), elapsed(started)));

            // 3. The replay: evaluation starts again and works through the topic from where its group stopped.
            progress("replaying %,d observations", written.findings() + written.values());
            resetStatementStatistics(platform);
            long t0 = System.nanoTime();
            platform.restart(EVALUATION);
            long tUp = System.nanoTime();
            List<long[]> progress = new ArrayList<>();
            try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    platform.kafkaBootstrapServers()))) {
                await("the replay", Duration.ofMinutes(REPLAY_LIMIT_MINUTES), () -> {
                    long lag = lag(kafka, "evaluation-service");
                    // the statistics' estimate, 0 only when the queue is empty: counting a million marks every
                    // second was a tenth of the database's time
                    long pending = scalar(db, "select case when exists (select 1 from evaluation_pending) then"
                            + " greatest(1, (select n_live_tup from pg_stat_user_tables where relname = 'evaluation_pending'))"
                            + " else 0 end");
                    long unpublished = scalar(db, "select count(*) from outbox_event where published_at is null");
                    long results = scalar(db, "select coalesce(sum(n_live_tup), 0) from pg_stat_user_tables "
                            + "where relname = 'indicator_result'");
                    progress.add(new long[] {System.nanoTime() - t0, lag, pending, unpublished, results});
                    if (progress.size() % 15 == 1) {
                        progress("  %5.0f s: lag %,d, pending %,d, unpublished rounds %,d, results ~%,d",
                                (System.nanoTime() - t0) / 1e9, lag, pending, unpublished, results);
                    }
                    return lag == 0 && pending == 0 && unpublished == 0;
                });
            } finally {
                String profile = statementProfile(platform);
                report.note("Where PostgreSQL spent the replay (pg_stat_statements, top statements by total time): "
                        + profile);
                progress("statements of the replay: %s", profile);
            }
            long tDone = System.nanoTime();
            double replaySeconds = (tDone - t0) / 1e9;
            long observations = written.findings() + written.values();

            // What was done: every finding a failing building result, the counts rolled up right.
            long failingBuildings = scalar(db, "select count(*) from indicator_result where check_year = " + REPLAY_YEAR
                    + " and area_level = 'BUILDING' and verdict = 'FAIL'");
            long published = endOffsets(platform.kafkaBootstrapServers(), Topics.EVALUATION_RESULTS);
            long resultRows = scalar(db, "select count(*) from indicator_result where check_year = " + REPLAY_YEAR);
            if (failingBuildings != written.findings()) {
                throw new AssertionError("expected " + written.findings() + " failing building results, found "
                        + failingBuildings);
            }
            for (Map.Entry<String, Long> city : written.h02ByCity().entrySet()) {
                long value = scalar(db, "select coalesce(value, -1)::bigint from indicator_result where check_year = "
                        + REPLAY_YEAR + " and indicator_code = 'H02' and area_code = '" + city.getKey() + "'");
                if (value != city.getValue()) {
                    throw new AssertionError("H02 of city " + city.getKey() + ": " + value + " instead of " + city.getValue());
                }
            }
            if (published < resultRows) {
                throw new AssertionError(published + " events on " + Topics.EVALUATION_RESULTS + " for " + resultRows
                        + " results");
            }
            progress("replay done in %.1f s: %,d results, %,d events published", replaySeconds, resultRows, published);

            // 4. Latency: new findings at a fixed rate, each timed until its building's verdict is on Kafka.
            // Warm-up and measurement on different indicators: a small province has fewer buildings than findings sent,
            // and a second finding of the same building and indicator changes no verdict, so publishes nothing.
            LatencyRun.Result warmUp = new LatencyRun(platform.kafkaBootstrapServers(), json, feed, "H02",
                    LATENCY_RATE, LATENCY_WARM_UP_SECONDS).run();
            LatencyRun.Result latency = new LatencyRun(platform.kafkaBootstrapServers(), json, feed, "H01",
                    LATENCY_RATE, LATENCY_SECONDS).run();

            report.figure(String.format("replay of a province's year: %,d observations (%,d item-level findings), 11 cities",
                            observations, written.findings()),
                    String.format("%s s = %s observations/s (evaluation up after %s s)", seconds(replaySeconds),
                            rate(observations, replaySeconds), seconds((tUp - t0) / 1e9)),
                    "≤ 600 s", replaySeconds <= 600);
            report.figure("results computed / result events published during the replay",
                    String.format("%,d / %,d", resultRows, published));
            report.figure(String.format("one new finding → its building's IndicatorEvaluated on Kafka, %,d/s for %d s"
                            + " (after %d s warm-up, p50 %s ms)", LATENCY_RATE, LATENCY_SECONDS, LATENCY_WARM_UP_SECONDS,
                            ms(warmUp.percentile(50))),
                    String.format("%,d of %,d answered; p50 %s ms, p95 %s ms, p99 %s ms, max %s ms", latency.received(),
                            latency.sent(), ms(latency.percentile(50)), ms(latency.percentile(95)),
                            ms(latency.percentile(99)), ms(latency.percentile(100))),
                    "p99 ≤ 1000 ms", latency.received() == latency.sent() && latency.percentile(99) <= 1000);
            report.note("Replay progress (s: consumer lag, pending results, unpublished rounds): " + progressLine(progress));
            report.printAndWrite(work.getParent().resolve("benchmark-evaluation-results.md"));
        }
    }

    /**
     * The year's feed of a generated province: for every building and housing indicator, a finding with probability
     * chosen so that findings and values together make {@code observations}; per compound its parking and charger
     * shortfalls, per community its place shortfall, per street its school coverage figures, per city its ratios.
     */
    static final class ProvinceFeed {

        record Written(long findings, long values, long submissions, Map<String, Long> h02ByCity) {
        }

        private final long observations;
        private final int buildingsPerCompound;
        private final List<String[]> streets;
        private final List<String> cities;

        ProvinceFeed(long observations, int buildingsPerCompound) {
            this.observations = observations;
            this.buildingsPerCompound = buildingsPerCompound;
            this.streets = GeneratedProvince.realDivisions().stream().filter(r -> r[2].equals("STREET")).toList();
            this.cities = GeneratedProvince.realDivisions().stream().filter(r -> r[2].equals("CITY")).map(r -> r[0]).toList();
        }

        long buildings() {
            return (long) streets.size() * COMMUNITIES * COMPOUNDS * buildingsPerCompound;
        }

        private long values() {
            return (long) streets.size() * (COMMUNITIES * COMPOUNDS * 2 + COMMUNITIES + 4) + cities.size() * 4L;
        }

        String building(String street, int community, int compound, int building) {
            return street + "%03d%03d%03d".formatted(community, compound, building);
        }

        /** The city of a street: streets are 9 digits under 6-digit districts under 4-digit cities (NBS codes). */
        private String cityOf(String areaCode) {
            return areaCode.substring(0, 4);
        }

        Written write(String bootstrapServers, JsonMapper json) {
            double share = Math.min(1.0, (double) (observations - values()) / (buildings() * HOUSING.length));
            long findings = 0;
            long values = 0;
            Map<String, Long> h02 = new HashMap<>();
            Instant now = Instant.now();
            try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
                UUID batch = UUID.randomUUID();
                int row = 1;
                for (String[] street : streets) {
                    String code = street[0];
                    for (int c = 1; c <= COMMUNITIES; c++) {
                        String community = code + "%03d".formatted(c);
                        values += send(producer, json, value(community, "C04_PLACE_SHORTFALL", (c * 7) % 3, batch, ++row, now));
                        for (int p = 1; p <= COMPOUNDS; p++) {
                            String compound = community + "%03d".formatted(p);
                            values += send(producer, json, value(compound, "C05_PARKING_SHORTFALL", (p * 13) % 5, batch, ++row, now));
                            values += send(producer, json, value(compound, "C06_CHARGER_SHORTFALL", (p * 11) % 4, batch, ++row, now));
                            for (int b = 1; b <= buildingsPerCompound; b++) {
                                String building = compound + "%03d".formatted(b);
                                for (int h = 0; h < HOUSING.length; h++) {
                                    if (fraction(building, h) < share) {
                                        findings += send(producer, json, new FindingReported(intakeId(now, row + 1), REPLAY_YEAR,
                                                HOUSING[h], building, FINDING_TYPES[h], "MAJOR", "入户排查发现问题", null,
                                                List.of(), "housing", "housing-dept", "FIELD_CHECK", batch, ++row, 1, null, now));
                                        if (h == 1) {
                                            h02.merge(cityOf(code), 1L, Long::sum);
                                        }
                                    }
                                }
                            }
                        }
                    }
                    values += send(producer, json, value(code, "B01_COVERED_RESIDENTIAL_LAND", 6, batch, ++row, now));
                    values += send(producer, json, value(code, "B01_RESIDENTIAL_LAND", 8, batch, ++row, now));
                    values += send(producer, json, value(code, "B04_COVERED_RESIDENTIAL_LAND", 7, batch, ++row, now));
                    values += send(producer, json, value(code, "B04_RESIDENTIAL_LAND", 8, batch, ++row, now));
                }
                for (String city : cities) {
                    values += send(producer, json, value(city, "U01_COLLECTED", 6400, batch, ++row, now));
                    values += send(producer, json, value(city, "U01_PRODUCED", 10000, batch, ++row, now));
                    values += send(producer, json, value(city, "U07_ROAD_LENGTH", 640, batch, ++row, now));
                    values += send(producer, json, value(city, "U07_BUILT_UP_AREA", 80, batch, ++row, now));
                }
                long submissions = 0;
                for (String city : cities) {
                    send(producer, json, new SubmissionAccepted(UUID.randomUUID(), ObservationKind.FINDING, REPLAY_YEAR,
                            "housing", "housing-dept", "MERGE", List.of(city), List.of(HOUSING), 0, 0, 0, 0, 0, false, null,
                            now));
                    submissions++;
                }
                producer.flush();
                return new Written(findings, values, submissions, h02);
            }
        }

        /**
         * An observation's id as intake makes it: the batch's time and twelve random bits, then the row number (a
         * version 7 UUID's layout), so that the ids of one batch ascend.
         */
        static UUID intakeId(Instant batchTime, long row) {
            return new UUID((batchTime.toEpochMilli() << 16) | 0x7000L | 0x5A5L, 0x8000000000000000L | row);
        }

        private static ObservationAccepted value(String area, String element, long value, UUID batch, int row, Instant at) {
            return new ObservationAccepted(intakeId(at, row), REPLAY_YEAR, area, element, BigDecimal.valueOf(value), null,
                    "statistics", "stats-dept", at, batch, row, "DEPARTMENT_STATISTICS", 1, null);
        }

        /** A fraction in [0, 1) fixed by the building and indicator, so reruns produce the same province. */
        static double fraction(String building, int indicator) {
            long h = building.hashCode() * 0x9E3779B97F4A7C15L + indicator * 0xC2B2AE3D27D4EB4FL;
            h ^= h >>> 31;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
            return (h >>> 11) / (double) (1L << 53);
        }

        static int send(KafkaProducer<String, byte[]> producer, JsonMapper json, Record event) {
            EventType type = EventType.of(event.getClass());
            String key = event instanceof SubmissionAccepted s ? s.batchId().toString()
                    : event instanceof FindingReported f ? f.areaCode() : ((ObservationAccepted) event).areaCode();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, json.writeValueAsBytes(event));
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", type.cloudEventType().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "benchmark".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            return 1;
        }

        static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
            return new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                    ProducerConfig.ACKS_CONFIG, "all"));
        }

        /** Buildings of the province, in a fixed order, for the latency run. */
        String buildingAt(long index) {
            long perStreet = (long) COMMUNITIES * COMPOUNDS * buildingsPerCompound;
            String street = streets.get((int) ((index / perStreet) % streets.size()))[0];
            long inStreet = index % perStreet;
            int community = (int) (inStreet / ((long) COMPOUNDS * buildingsPerCompound)) + 1;
            int compound = (int) ((inStreet / buildingsPerCompound) % COMPOUNDS) + 1;
            int building = (int) (inStreet % buildingsPerCompound) + 1;
            return building(street, community, compound, building);
        }
    }

    /** New findings at a fixed rate (open loop); the time from sending each to its building's result on Kafka. */
    static final class LatencyRun {

        record Result(long sent, long received, double[] millis) {

            double percentile(double p) {
                if (millis.length == 0) {
                    return Double.NaN;
                }
                double[] sorted = millis.clone();
                Arrays.sort(sorted);
                int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
                return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
            }
        }

        private final String bootstrapServers;
        private final JsonMapper json;
        private final ProvinceFeed feed;
        private final String indicator;
        private final int rate;
        private final int seconds;

        LatencyRun(String bootstrapServers, JsonMapper json, ProvinceFeed feed, String indicator, int rate, int seconds) {
            this.bootstrapServers = bootstrapServers;
            this.json = json;
            this.feed = feed;
            this.indicator = indicator;
            this.rate = rate;
            this.seconds = seconds;
        }

        Result run() throws InterruptedException {
            long total = (long) rate * seconds;
            if (total > feed.buildings()) {
                throw new IllegalStateException("the province has " + feed.buildings() + " buildings, fewer than the "
                        + total + " findings of the latency run (each needs its own building)");
            }
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Map<String, Double> latencies = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong assigned = new AtomicLong();
            Thread reader = new Thread(() -> read(sentAt, latencies, stop, assigned), "latency-reader");
            reader.start();
            while (assigned.get() == 0) {
                Thread.onSpinWait();
            }
            try (KafkaProducer<String, byte[]> producer = ProvinceFeed.producer(bootstrapServers)) {
                long start = System.nanoTime();
                long interval = 1_000_000_000L / rate;
                for (long i = 0; i < total; i++) {
                    long due = start + i * interval;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    String building = feed.buildingAt(i);
                    FindingReported finding = new FindingReported(UUID.randomUUID(), LATENCY_YEAR, indicator, building,
                            FINDING_TYPES[Arrays.asList(HOUSING).indexOf(indicator)], "SEVERE", "入户排查发现隐患", null, List.of(), "housing", "housing-dept",
                            "FIELD_CHECK", UUID.randomUUID(), 2, 1, null, Instant.now());
                    sentAt.put(building, System.nanoTime());
                    ProvinceFeed.send(producer, json, finding);
                }
                producer.flush();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (latencies.size() < total && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            stop.set(true);
            reader.join();
            return new Result(total, latencies.size(), latencies.values().stream().mapToDouble(Double::doubleValue).toArray());
        }

        private void read(Map<String, Long> sentAt, Map<String, Double> latencies, AtomicBoolean stop, AtomicLong assigned) {
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVALUATION_RESULTS).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.set(1);
                while (!stop.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        JsonNode event = json.readTree(record.value());
                        if (event.get("checkYear").asInt() != LATENCY_YEAR || !"BUILDING".equals(event.get("areaLevel").asString())
                                || !indicator.equals(event.get("indicatorCode").asString())) {
                            continue;
                        }
                        Long sent = sentAt.get(event.get("areaCode").asString());
                        if (sent != null) {
                            latencies.putIfAbsent(event.get("areaCode").asString(), (now - sent) / 1e6);
                        }
                    }
                }
            }
        }
    }

    private static long lag(Admin kafka, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : List.of(Topics.INTAKE_OBSERVATIONS, Topics.INTAKE_SUBMISSIONS)) {
            kafka.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
        long lag = 0;
        for (var end : kafka.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private static long endOffsets(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Imports an area tree through the area import API (as the administrator) and waits until it succeeded. */
    static void importAreas(Api admin, Path csv) throws Exception {
        String job = admin.postFile("/api/evaluation/area-imports", "text/csv", csv, Duration.ofMinutes(30))
                .expect(202).json().get("id").asString();
        await("the area import", Duration.ofMinutes(60), () -> {
            String status = admin.get("/api/evaluation/area-imports/" + job).json().get("status").asString();
            if (status.equals("FAILED") || status.equals("REJECTED")) {
                throw new AssertionError("area import " + status);
            }
            return status.equals("SUCCEEDED");
        });
    }

    private static void resetStatementStatistics(Platform platform) throws SQLException {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres", "");
                Statement statement = db.createStatement()) {
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /** The evaluation database's statements by total execution time: seconds, calls, rows, the statement's start. */
    private static String statementProfile(Platform platform) {
        StringBuilder profile = new StringBuilder();
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres", "");
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select total_exec_time / 1000, calls, rows,"
                        + " regexp_replace(left(query, 200), '\\s+', ' ', 'g') from pg_stat_statements s"
                        + " join pg_database d on d.oid = s.dbid where d.datname = 'tijian_evaluation'"
                        + " order by total_exec_time desc limit 15")) {
            while (rows.next()) {
                profile.append(String.format("%n  - %.1f s, %,d calls, %,d rows: `%s`", rows.getDouble(1),
                        rows.getLong(2), rows.getLong(3), rows.getString(4)));
            }
        } catch (SQLException e) {
            profile.append("not available: ").append(e.getMessage());
        }
        return profile.toString();
    }

    static long scalar(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static String progressLine(List<long[]> progress) {
        StringBuilder line = new StringBuilder();
        int step = Math.max(1, progress.size() / 20);
        for (int i = 0; i < progress.size(); i += step) {
            long[] p = progress.get(i);
            line.append(String.format("%.0f: %,d/%,d/%,d; ", p[0] / 1e9, p[1], p[2], p[3]));
        }
        return line.toString();
    }

    static void await(String what, Duration atMost, java.util.concurrent.Callable<Boolean> done) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!done.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not finish within " + atMost);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
    }

    private static void progress(String format, Object... arguments) {
        System.out.printf("[evaluation benchmark] " + format + "%n", arguments);
    }

    private static String elapsed(long since) {
        return seconds((System.nanoTime() - since) / 1e9);
    }

    private static String seconds(double seconds) {
        return String.format("%.1f", seconds);
    }

    private static String rate(long count, double seconds) {
        return String.format("%,.0f", count / seconds);
    }

    private static String ms(double millis) {
        return String.format("%.1f", millis);
    }
}
