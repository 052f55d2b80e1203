package org.tijian.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tijian.standalone.Platform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A crash in the middle of a batch: the housing department uploads a large file of values, and
 * data-intake-service is killed (SIGKILL, no graceful stop) while the database merges it. After a restart
 * the batch is FAILED, and nothing of it was stored or published: no observation, no outbox row, no
 * event. The same file under the same Idempotency-Key is then accepted completely: every row stored
 * once and published once (through the batch's one outbox row).
 *
 * <p>Only what the scenario needs runs (intake, evaluation for the area tree and the indicators, the
 * gateway), and intake counts a silent batch as abandoned after a few seconds instead of a minute.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeCrashEndToEndIT {

    private static final String INTAKE = "data-intake-service";
    private static final Duration ABANDONED_AFTER = Duration.ofSeconds(5);
    private static final Duration CATALOG = Duration.ofMinutes(2);
    private static final Duration IMPORT = Duration.ofMinutes(3);
    private static final Duration PUBLISHED = Duration.ofMinutes(3);
    private static final String OBSERVATIONS_TOPIC = "intake.observations.v1";
    private static final String SUBMISSIONS_TOPIC = "intake.submissions.v1";
    private static final String IDEMPOTENCY_KEY = "housing-2025-compounds-" + UUID.randomUUID();

    private static final String STREET = "360102002";
    private static final int COMMUNITIES = 10;
    private static final int COMPOUNDS_PER_COMMUNITY = 300;
    /** Values housing reports, with their units; one row per compound and subject, so every row is a distinct key. */
    private static final List<String[]> SUBJECTS = List.of(
            new String[] {"C05_PARKING_SHORTFALL", "个"}, new String[] {"C09_SUBSTANDARD_WALKWAY_LENGTH", "千米"},
            new String[] {"U07_ROAD_LENGTH", "公里"}, new String[] {"U07_BUILT_UP_AREA", "平方公里"},
            new String[] {"U08_GREEN_BUILDING_AREA", "万平方米"}, new String[] {"U08_NEW_BUILDING_AREA", "万平方米"},
            new String[] {"U09_LISTED", "个"}, new String[] {"U09_DESIGNATED", "个"},
            new String[] {"U10_VACANT", "处"}, new String[] {"U10_TOTAL", "处"},
            new String[] {"U13_NEW_PROTECTED_OBJECTS", "个"}, new String[] {"U16_AFFORDABLE_SUPPLY", "套"},
            new String[] {"U16_TOTAL_SUPPLY", "套"}, new String[] {"U17_COMPLETED", "个"},
            new String[] {"U17_PLANNED", "个"}, new String[] {"U18_ACCIDENTS", "起"},
            new String[] {"U27_MONITORED_LENGTH", "公里"}, new String[] {"U27_TOTAL_LENGTH", "公里"},
            new String[] {"U28_MONITORED_WORKS", "项"}, new String[] {"U28_TOTAL_WORKS", "项"},
            new String[] {"U30_3D_COVERED_AREA", "平方公里"}, new String[] {"U30_BUILT_UP_AREA", "平方公里"});
    private static final long ROWS = (long) COMMUNITIES * COMPOUNDS_PER_COMMUNITY * SUBJECTS.size();
    private static final String SUBMIT = "/api/intake/submissions?kind=VALUE&checkYear=2025&strategy=CREATE&atomic=true"
            + "&wait=false&fileName=compounds-2025.csv";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Platform platform;
    private static Path file;
    private static String killedBatch;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.start(TestPlatforms.freshConfig("e2e-crash", "tijian.e2e.crashPortOffset", 700).toBuilder()
                .services(List.of(INTAKE, "evaluation-service", "gateway"))
                .serviceArguments(INTAKE, List.of("--tijian.intake.abandoned-after=" + ABANDONED_AFTER.toSeconds() + "s"))
                .build());
        file = writeValues(Files.createTempFile("compounds-", ".csv"));
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private static ApiClient as(String user) {
        return new ApiClient(platform.gatewayUrl(), platform.tokenFor(user));
    }

    @Test
    @Order(1)
    void theCompoundsAndIndicatorsReachIntakesCopy() {
        var admin = as("admin");
        var job = admin.post("/api/evaluation/area-imports", "text/csv", areaTree());
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        String jobPath = "/api/evaluation/area-imports/" + job.json().get("id").asString();
        JsonNode imported = Awaitility.await().atMost(CATALOG).pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get(jobPath).json(), j -> !"RUNNING".equals(j.get("status").asString()));
        assertThat(imported.get("status").asString()).as(imported.toString()).isEqualTo("SUCCEEDED");

        JsonNode source = admin.get("/api/evaluation/catalog/status").json();
        assertThat(source.get("areas").get("count").asLong()).isEqualTo(4 + COMMUNITIES * (1L + COMPOUNDS_PER_COMMUNITY));
        Awaitility.await().atMost(CATALOG).pollInterval(Duration.ofSeconds(1))
                .until(() -> as("housing-dept").get("/api/intake/catalog/status").json(),
                        copy -> copy.get("areas").equals(source.get("areas"))
                                && copy.get("indicators").equals(source.get("indicators")));
        assertThat(as("housing-dept").get("/api/intake/areas/" + compound(COMMUNITIES, COMPOUNDS_PER_COMMUNITY))
                .status()).isEqualTo(200);
        assertThat(as("housing-dept").get("/api/intake/catalog/indicators/C05").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aBatchWhoseServiceIsKilledWhileMergingFailsWithNothingStoredOrPublished() throws Exception {
        ApiClient housing = as("housing-dept");
        try (Connection db = intakeDatabase(); Connection holder = intakeDatabase()) {
            // The merge is held at its first insert into observation until intake has been killed, so the kill
            // always lands inside the merge (timing alone once let a fast merge finish first).
            holder.setAutoCommit(false);
            try (var lock = holder.createStatement()) {
                lock.execute("lock table observation in exclusive mode");
            }
            long holderPid = count(holder, "select pg_backend_pid()");
            var upload = housing.postFile(SUBMIT, "text/csv", file, Map.of("Idempotency-Key", IDEMPOTENCY_KEY));
            assertThat(upload.status()).as(upload.body()).isEqualTo(202);
            killedBatch = upload.json().get("id").asString();
            String batchPath = "/api/intake/submissions/" + killedBatch;

            JsonNode merging = Awaitility.await().atMost(IMPORT).pollInterval(Duration.ofMillis(100))
                    .until(() -> housing.get(batchPath).json(),
                            b -> "MERGING".equals(b.get("phase").asString()) || !"RUNNING".equals(b.get("status").asString()));
            assertThat(merging.get("phase").asString()).as("caught before it finished: %s", merging).isEqualTo("MERGING");
            assertThat(merging.get("rowsRead").asLong()).isEqualTo(ROWS);
            int mergingBackend = Awaitility.await("the merge waiting for the lock").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> (int) count(db, "select coalesce(max(pid), 0) from pg_stat_activity"
                            + " where cast(? as int) = any(pg_blocking_pids(pid))", holderPid), pid -> pid != 0);

            platform.kill(INTAKE);
            holder.rollback();

            assertThatThrownBy(() -> new ApiClient(platform.serviceUrl(INTAKE), null).get("/actuator/health"))
                    .as("intake is gone").isInstanceOf(IllegalStateException.class);
            long restarting = System.nanoTime();
            platform.restart(INTAKE);
            System.out.printf("intake restarted in %.1f s%n", (System.nanoTime() - restarting) / 1e9);

            JsonNode failed = Awaitility.await().atMost(ABANDONED_AFTER.multipliedBy(6)).pollInterval(Duration.ofMillis(500))
                    .until(() -> housing.get(batchPath).json(), b -> !"RUNNING".equals(b.get("status").asString()));
            assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.get("phase").asString()).isEqualTo("DONE");
            assertThat(failed.get("created").asLong()).isZero();
            assertThat(failed.get("message").asString()).contains("nothing was stored or published");

            // PostgreSQL finishes the statement it was running for the dead client, then rolls back.
            Awaitility.await("the killed merge's transaction ends").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> count(db, "select count(*) from pg_stat_activity where pid = ?", mergingBackend) == 0);
            assertNothingOf(db, killedBatch);
            assertThat(count(db, "select count(*) from observation")).isZero();
            assertThat(count(db, "select count(*) from outbox_event where topic = ?", OBSERVATIONS_TOPIC)).isZero();
        }
    }

    @Test
    @Order(3)
    void theSameFileUnderTheSameKeyIsThenAcceptedCompletelyAndPublishedOnce() throws Exception {
        ApiClient housing = as("housing-dept");
        long started = System.nanoTime();
        var again = housing.postFile(SUBMIT, "text/csv", file, Map.of("Idempotency-Key", IDEMPOTENCY_KEY));
        assertThat(again.status()).as("a FAILED batch frees its key: %s", again.body()).isEqualTo(202);
        String batch = again.json().get("id").asString();
        assertThat(batch).isNotEqualTo(killedBatch);

        JsonNode done = Awaitility.await().atMost(IMPORT).pollInterval(Duration.ofSeconds(1))
                .until(() -> housing.get("/api/intake/submissions/" + batch).json(),
                        b -> !"RUNNING".equals(b.get("status").asString()));
        double acceptedSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%,d rows accepted in %.1f s%n", ROWS, acceptedSeconds);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(ROWS);
        assertThat(done.get("created").asLong()).isEqualTo(ROWS);
        assertThat(done.get("rejected").asLong()).isZero();

        var replay = housing.postFile(SUBMIT, "text/csv", file, Map.of("Idempotency-Key", IDEMPOTENCY_KEY));
        assertThat(replay.status()).as("the key now belongs to the accepted batch").isEqualTo(200);
        assertThat(replay.json().get("id").asString()).isEqualTo(batch);

        Set<String> stored;
        try (Connection db = intakeDatabase()) {
            stored = strings(db, "select id::text from observation where batch_id = ?::uuid and status = 'CURRENT'", batch);
            assertThat(stored.size()).as("observations of the accepted batch").isEqualTo(ROWS);
            assertThat(count(db, "select count(distinct (area_code, subject)) from observation where batch_id = ?::uuid",
                    batch)).isEqualTo(ROWS);
            Awaitility.await("the outbox relay publishes every row").atMost(PUBLISHED).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(db, "select count(*) from outbox_event where published_at is null") == 0);
            System.out.printf("the outbox relay had published them %.1f s later%n",
                    (System.nanoTime() - started) / 1e9 - acceptedSeconds);
            assertPublishedThroughOneOutboxRow(db, batch);
            assertNothingOf(db, killedBatch);
        }

        try (var topics = new Topics(platform.kafkaBootstrapServers())) {
            topics.readUntil(seen -> seen.observationsOf(batch).size() >= ROWS && seen.submissions.contains(batch),
                    PUBLISHED);
            topics.readFor(Duration.ofSeconds(3));
            List<String> published = topics.observationsOf(batch);
            Set<String> distinct = new HashSet<>(published);
            assertThat(published.size()).as("ObservationAccepted events of the accepted batch").isEqualTo(ROWS);
            assertThat(distinct.size()).as("distinct observations among them").isEqualTo(ROWS);
            assertThat(stored.stream().filter(id -> !distinct.contains(id)).count())
                    .as("stored observations never published").isZero();
            assertThat(topics.observationsOf(killedBatch).size()).as("events of the killed batch").isZero();
            assertThat(topics.submissions).containsExactly(batch);
        }
    }

    /** No observation, ended observation or outbox row carries the batch. */
    private static void assertNothingOf(Connection db, String batch) throws SQLException {
        assertThat(count(db, "select count(*) from observation where batch_id = ?::uuid or ended_in_batch = ?::uuid",
                batch, batch)).as("observations of batch %s", batch).isZero();
        assertThat(count(db, "select count(*) from outbox_event where payload->>'batchId' = ? or message_key = ?",
                batch, batch)).as("outbox rows of batch %s", batch).isZero();
    }

    /**
     * The batch's observations went out through its one outbox row, which the relay expanded to the last
     * row before marking it published; no other outbox row exists for the observations topic.
     */
    private static void assertPublishedThroughOneOutboxRow(Connection db, String batch) throws SQLException {
        assertThat(count(db, "select count(*) from observation")).isEqualTo(ROWS);
        assertThat(count(db, "select count(*) from outbox_event where topic = ?", OBSERVATIONS_TOPIC)).isEqualTo(1);
        assertThat(count(db, """
                select count(*) from outbox_event e
                where e.topic = ? and e.expansion = 'intake.batch' and e.payload->>'batchId' = ? and e.published_at is not null
                  and e.expanded_up_to = (select max(row_no) from observation where batch_id = ?::uuid)""",
                OBSERVATIONS_TOPIC, batch, batch)).isEqualTo(1);
    }

    /** The backend running the merge's insert, 0 while there is none. */
    private static Connection intakeDatabase() throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl("tijian_intake"), "tijian", "tijian");
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static Set<String> strings(Connection db, String sql, Object... parameters) throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
        }
        return values;
    }

    private static void bind(PreparedStatement query, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            query.setObject(i + 1, parameters[i]);
        }
    }

    private static String community(int community) {
        return STREET + String.format("%03d", community);
    }

    private static String compound(int community, int compound) {
        return community(community) + String.format("%03d", compound);
    }

    private static String areaTree() {
        StringBuilder csv = new StringBuilder("""
                code,name,level,parent_code,city_class
                36,江西省,PROVINCE,,
                3601,南昌市,CITY,36,PROVINCIAL_CAPITAL
                360102,东湖区,DISTRICT,3601,
                360102002,滕王阁街道,STREET,360102,
                """);
        for (int community = 1; community <= COMMUNITIES; community++) {
            csv.append(community(community)).append(",第").append(community).append("社区,COMMUNITY,").append(STREET)
                    .append(",\n");
            for (int compound = 1; compound <= COMPOUNDS_PER_COMMUNITY; compound++) {
                csv.append(compound(community, compound)).append(",第").append(community).append("社区第").append(compound)
                        .append("小区,COMPOUND,").append(community(community)).append(",\n");
            }
        }
        return csv.toString();
    }

    /** One row per compound and subject: {@code dataElement,areaCode,value,unit,note}. */
    private static Path writeValues(Path target) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write("dataElement,areaCode,value,unit,note\n");
            for (int community = 1; community <= COMMUNITIES; community++) {
                for (int compound = 1; compound <= COMPOUNDS_PER_COMMUNITY; compound++) {
                    String area = compound(community, compound);
                    for (int subject = 0; subject < SUBJECTS.size(); subject++) {
                        String[] element = SUBJECTS.get(subject);
                        out.write(element[0] + "," + area + "," + (community + compound + subject) % 50 + "," + element[1]
                                + ",\n");
                    }
                }
            }
        }
        return target;
    }

    /** Intake's topics read from their beginning: the observations by batch, the accepted submissions in order. */
    private static final class Topics implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, List<String>> observationsByBatch = new HashMap<>();
        private final List<String> submissions = new ArrayList<>();

        Topics(String brokers) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    ConsumerConfig.GROUP_ID_CONFIG, "crash-test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
            consumer.subscribe(List.of(OBSERVATIONS_TOPIC, SUBMISSIONS_TOPIC));
        }

        void readUntil(Predicate<Topics> done, Duration timeout) {
            // A consumer is for one thread at a time: polled in this one, not in Awaitility's.
            Awaitility.await().atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
                poll();
                return done.test(this);
            });
        }

        void readFor(Duration window) {
            long until = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < until) {
                poll();
            }
        }

        List<String> observationsOf(String batch) {
            return observationsByBatch.getOrDefault(batch, List.of());
        }

        private void poll() {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                JsonNode payload = JSON.readTree(record.value());
                if (OBSERVATIONS_TOPIC.equals(record.topic())) {
                    observationsByBatch.computeIfAbsent(payload.get("batchId").asString(), b -> new ArrayList<>())
                            .add(payload.get("observationId").asString());
                } else {
                    submissions.add(payload.get("batchId").asString());
                }
            }
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
