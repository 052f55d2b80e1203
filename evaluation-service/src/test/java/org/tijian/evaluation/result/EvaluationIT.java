package org.tijian.evaluation.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Topics;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.kit.bulk.CopyText;
import org.tijian.kit.bulk.PostgresCopy;
import org.tijian.kit.id.TimeOrderedIds;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.kit.outbox.OutboxExpansion;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@TijianIntegrationTest(database = "evaluation_it")
class EvaluationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final JsonMapper json = JsonMapper.builder().build();

    private static String area() {
        return "3601" + (10 + (int) (Math.random() * 89)) + (100 + (int) (Math.random() * 899));
    }

    /** The same event id sends the same observation again, as a redelivery would. */
    private UUID sendObservation(UUID eventId, String area, String dataElement, String value) {
        UUID observationId = UUID.nameUUIDFromBytes(eventId.toString().getBytes(StandardCharsets.UTF_8));
        var observation = ObservationAccepted.single(observationId, 2025, area, dataElement, new BigDecimal(value), "%",
                "water", "water-dept", Instant.now());
        KafkaProbe.send(Topics.INTAKE_OBSERVATIONS, area, json.writeValueAsString(observation), Map.of(
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.TYPE, "org.tijian.intake.ObservationAccepted.v1",
                CloudEventHeaders.SUBJECT, observation.observationId().toString(),
                CloudEventHeaders.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        return observation.observationId();
    }

    private IndicatorEvaluated read(ConsumerRecord<String, byte[]> record) {
        return json.readValue(record.value(), IndicatorEvaluated.class);
    }

    @Autowired
    ReevaluationService reevaluation;

    @Autowired
    EvaluationRoundService rounds;

    @Autowired
    JsonMapper springJson;

    @Test
    void theMapperThatReadsIntakesEventsParsesTheirTimesWithoutAFormatter() {
        // both deserializers give the same instants, so only the registration can tell them apart
        assertThat(springJson.registeredModules()).extracting(module -> module.getModuleName())
                .contains("tijian-iso-instants");
        assertThat(springJson.readValue("\"2024-05-01T08:00:00.123456Z\"", Instant.class))
                .isEqualTo(Instant.parse("2024-05-01T08:00:00.123456Z"));
    }

    @Test
    void drainingTheReevaluationQueueEndsWhenNoRequestIsOpen() {
        // it once repeated the empty claim forever: an idle service kept a core busy polling
        assertThat(reevaluation.drain().thenReturn("drained").block(Duration.ofSeconds(20))).isEqualTo("drained");
        assertThat(rounds.drain().thenReturn("drained").block(Duration.ofSeconds(20))).isEqualTo("drained");
    }

    @Test
    void failingValueIsJudgedAndPublishedOnceEvenWhenDeliveredTwice() {
        String area = area();
        UUID eventId = UUID.randomUUID();

        UUID observationId = sendObservation(eventId, area, "U01", "64");
        sendObservation(eventId, area, "U01", "64");

        try (KafkaProbe probe = KafkaProbe.on(Topics.EVALUATION_RESULTS)) {
            IndicatorEvaluated result = read(probe.await(1, r -> area.equals(r.key()), WAIT).get(0));
            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.indicatorCode()).isEqualTo("U01");
            assertThat(result.indicatorNameZh()).isEqualTo("城市生活污水集中收集率");
            assertThat(result.standard()).isEqualTo(">= 70");
            assertThat(result.gap()).isEqualByComparingTo("6");
            assertThat(result.explanation()).isEqualTo("64% < 70%（直接填报）");
            assertThat(result.observationIds()).containsExactly(observationId);
            assertThat(result.version()).isEqualTo(1);
            var record = probe.await(1, r -> area.equals(r.key()), WAIT).get(0);
            assertThat(KafkaProbe.header(record, CloudEventHeaders.TRACEPARENT))
                    .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
            assertThat(probe.drain(r -> area.equals(r.key()), Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void sameValueAgainPublishesNothingNewAndACorrectionFlipsTheVerdict() {
        String area = area();
        sendObservation(UUID.randomUUID(), area, "U01", "64");
        try (KafkaProbe probe = KafkaProbe.on(Topics.EVALUATION_RESULTS)) {
            probe.await(1, r -> area.equals(r.key()), WAIT);

            sendObservation(UUID.randomUUID(), area, "U01", "64.0");
            UUID correction = sendObservation(UUID.randomUUID(), area, "U01", "75");

            var results = probe.await(2, r -> area.equals(r.key()), WAIT);
            IndicatorEvaluated second = read(results.get(1));
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.verdict()).isEqualTo(Verdict.PASS);
            assertThat(second.observationIds()).containsExactly(correction);
            assertThat(probe.drain(r -> area.equals(r.key()), Duration.ofSeconds(1))).hasSize(2);
        }
    }

    @Test
    void unreadableMessageGoesToTheDeadLetterTopicAndConsumptionContinues() {
        String area = area();
        UUID poisonId = UUID.randomUUID();

        KafkaProbe.send(Topics.INTAKE_OBSERVATIONS, area, "{not json", Map.of(CloudEventHeaders.ID, poisonId.toString()));
        KafkaProbe.send(Topics.INTAKE_OBSERVATIONS, area, "{}", Map.of());
        sendObservation(UUID.randomUUID(), area, "U04", "2.1");

        try (KafkaProbe dlq = KafkaProbe.on(Topics.deadLetter(Topics.INTAKE_OBSERVATIONS,
                TestInfrastructure.consumerGroup("evaluation-service", "evaluation_it")));
                KafkaProbe results = KafkaProbe.on(Topics.EVALUATION_RESULTS)) {
            var dead = dlq.await(2, r -> area.equals(r.key()), WAIT);
            assertThat(KafkaProbe.text(dead.get(0))).isEqualTo("{not json");
            assertThat(KafkaProbe.header(dead.get(0), CloudEventHeaders.ID)).isEqualTo(poisonId.toString());
            assertThat(KafkaProbe.header(dead.get(0), "x-exception-message")).isNotBlank();

            IndicatorEvaluated next = read(results.await(1, r -> area.equals(r.key()), WAIT).get(0));
            assertThat(next.indicatorCode()).isEqualTo("U04");
            assertThat(next.verdict()).isEqualTo(Verdict.FAIL);
        }
    }

    @Autowired
    R2dbcEvaluationRounds store;

    @Autowired
    R2dbcResultPublication publication;

    @Autowired
    DatabaseClient db;

    private static IndicatorResult u01(UUID id, String area, int version, String value, Verdict verdict) {
        return new IndicatorResult(id, 2025, area, "U01", version, new BigDecimal(value), "%", verdict, ">= 70",
                null, value + "%", List.of(UUID.randomUUID()), Instant.now(), AreaLevel.CITY,
                AreaLevel.CITY, null, null, null, null, null, List.of(), null, 1, null, null);
    }

    private List<IndicatorEvaluated> publishedBy(long round) {
        return publication.next(db, R2dbcResultPublication.parameters(round), 0, 100)
                .map(event -> json.readValue(event.payload(), IndicatorEvaluated.class))
                .collectList().block(WAIT);
    }

    @Test
    void aVersionSupersededBeforeTheRelayCameToItIsPublishedFromTheHistoryAndTheNewOneFromTheResult() {
        UUID id = TimeOrderedIds.next();
        String area = area();
        long first = store.nextRoundId().block(WAIT);
        store.save(List.of(u01(id, area, 1, "64", Verdict.FAIL)), Map.of(id, 1), Set.of(id), first).block(WAIT);
        long second = store.nextRoundId().block(WAIT);
        store.save(List.of(u01(id, area, 2, "72", Verdict.PASS)), Map.of(id, 1), Set.of(), second).block(WAIT);

        assertThat(publishedBy(first)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.value()).isEqualByComparingTo("64");
            assertThat(event.verdict()).isEqualTo(Verdict.FAIL);
        });
        assertThat(publishedBy(second)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(2);
            assertThat(event.value()).isEqualByComparingTo("72");
            assertThat(event.verdict()).isEqualTo(Verdict.PASS);
        });
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void aRoundTheServiceWroteIsPublishedFromMemoryExactlyAsTheDatabaseWouldHaveIt() {
        String area = area();
        double fromMemoryBefore = relayReads("memory");
        sendObservation(UUID.randomUUID(), area, "U01", "64.50");
        try (KafkaProbe probe = KafkaProbe.on(Topics.EVALUATION_RESULTS)) {
            ConsumerRecord<String, byte[]> sent = probe.await(1, r -> area.equals(r.key()), WAIT).get(0);
            long round = db.sql("select round_id from indicator_result where area_code = :area and indicator_code = 'U01'")
                    .bind("area", area).map(row -> row.get(0, Long.class)).one().block(WAIT);

            // the relay took the round from memory and let it go: read again, it comes from the database
            List<OutboxExpansion.ExpandedEvent> read = publication
                    .next(db, R2dbcResultPublication.parameters(round), 0, 100)
                    .filter(event -> area.equals(event.messageKey())).collectList().block(WAIT);
            assertThat(read).singleElement().satisfies(event -> {
                assertThat(event.eventId()).hasToString(KafkaProbe.header(sent, CloudEventHeaders.ID));
                assertThat(new String(event.payload(), StandardCharsets.UTF_8)).isEqualTo(KafkaProbe.text(sent));
            });
        }
        assertThat(relayReads("memory")).isGreaterThan(fromMemoryBefore);
    }

    private double relayReads(String from) {
        return meters.get("tijian.evaluation.relay.reads").tag("read", from).counter().count();
    }

    @Test
    void aVersionComputedFromOneThatAnotherTransactionReplacedIsRefused() {
        UUID id = TimeOrderedIds.next();
        String area = area();
        store.save(List.of(u01(id, area, 1, "64", Verdict.FAIL)), Map.of(id, 1), Set.of(id),
                store.nextRoundId().block(WAIT)).block(WAIT);
        store.save(List.of(u01(id, area, 2, "72", Verdict.PASS)), Map.of(id, 1), Set.of(),
                store.nextRoundId().block(WAIT)).block(WAIT);

        // a second transaction that had read version 1 computes its own version 2
        assertThatThrownBy(() -> store.save(
                        List.of(u01(id, area, 2, "50", Verdict.FAIL)), Map.of(id, 1), Set.of(),
                        store.nextRoundId().block(WAIT)).block(WAIT))
                .isInstanceOf(R2dbcEvaluationRounds.ConcurrentlyRevised.class);
        // a transaction that found no result computes a first version of its own: inserted plainly, it is refused by
        // the result's unique key
        UUID other = TimeOrderedIds.next();
        assertThatThrownBy(() -> store.save(List.of(u01(other, area, 1, "50", Verdict.FAIL)), Map.of(other, 1),
                        Set.of(other), store.nextRoundId().block(WAIT)).block(WAIT))
                .hasMessageContaining("indicator_result_check_year_area_code_indicator_code_key");
        Long stored = db.sql("select value from indicator_result where id = :id").bind("id", id)
                .map(row -> row.get("value", BigDecimal.class).longValue()).one().block(WAIT);
        assertThat(stored).isEqualTo(72L);
    }

    @Test
    void aFirstVersionPresumedFromAPollIsNotInsertedWhereTheKeyHasAResultOrIsToBeReadBack() {
        String stored = area();
        UUID current = TimeOrderedIds.next();
        store.save(List.of(u01(current, stored, 1, "64", Verdict.FAIL)), Map.of(current, 1), Set.of(current),
                store.nextRoundId().block(WAIT)).block(WAIT);
        String readBack = area();
        db.sql("insert into finding_key_read_back (check_year, indicator_code, area_code) values (2025, 'U01', :a)")
                .bind("a", readBack).then().block(WAIT);
        String fresh = area();
        UUID behindStored = TimeOrderedIds.next();
        UUID behindReadBack = TimeOrderedIds.next();
        UUID first = TimeOrderedIds.next();

        Set<UUID> inserted = store.insertFirsts(List.of(u01(behindStored, stored, 1, "50", Verdict.FAIL),
                u01(behindReadBack, readBack, 1, "50", Verdict.FAIL), u01(first, fresh, 1, "50", Verdict.FAIL)),
                R2dbcEvaluationRounds.positions(List.of(behindStored, behindReadBack, first), 0),
                store.nextRoundId().block(WAIT)).block(WAIT);

        assertThat(inserted).containsExactly(first);
        assertThat(db.sql("select id, value from indicator_result where check_year = 2025 and indicator_code = 'U01'"
                        + " and area_code = any(:a)").bind("a", new String[] {stored, readBack, fresh})
                .map(row -> row.get("id", UUID.class) + "=" + row.get("value", BigDecimal.class).longValue())
                .all().collectList().block(WAIT))
                .containsExactlyInAnyOrder(current + "=64", first + "=50");
    }

    @Autowired
    FeedBacklog backlog;

    @Autowired
    R2dbcPendingResults pending;

    private long waiting(ResultKey key) {
        return db.sql("select count(*) as n from evaluation_pending where check_year = :y and indicator_code = :i"
                        + " and area_code = :a")
                .bind("y", key.checkYear()).bind("i", key.indicatorCode()).bind("a", key.areaCode())
                .map(row -> row.get("n", Long.class)).one().block(WAIT);
    }

    @Test
    void whileEvaluationCatchesUpWithTheFeedMarksWaitAndOnceItHasCaughtUpTheyAreTaken() {
        ResultKey key = new ResultKey(2025, "U01", area());
        backlog.polled(2_000, 2_000, Duration.ZERO);
        pending.mark(Map.of(key, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).block(WAIT);

        // settle (1 s) and the rounds' interval (0.5 s) would have let a round take it within 1.5 s
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(5)).until(() -> {
            backlog.polled(2_000, 2_000, Duration.ZERO);
            return waiting(key) == 1;
        });
        assertThat(backlog.catchingUp()).isTrue();

        await().atMost(WAIT).until(() -> waiting(key) == 0);
        assertThat(backlog.catchingUp()).isFalse();
    }

    @Autowired
    TransactionalOperator transaction;

    private static final String COPY_READ_BACK_KEYS =
            "copy finding_key_read_back (check_year, indicator_code, area_code) from stdin";

    private static Publisher<ByteBuf> readBackKeys(String... areas) {
        return Mono.fromSupplier(() -> {
            CopyText rows = new CopyText(64);
            for (String area : areas) {
                rows.field(2025L).field("H02").field(area).endRow();
            }
            return rows.utf8();
        });
    }

    private Mono<Boolean> copyUnlessTaken(Publisher<ByteBuf> rows) {
        return db.inConnection(connection -> PostgresCopy.copyInUnlessTaken(connection, COPY_READ_BACK_KEYS, rows));
    }

    private List<String> readBackKeysOf(String... areas) {
        return db.sql("select area_code from finding_key_read_back where indicator_code = 'H02' and area_code = any(:a)")
                .bind("a", areas).map(row -> row.get("area_code", String.class)).all().collectList().block(WAIT);
    }

    @Test
    void aCopyThatMeetsATakenKeyIsUndoneAloneAndTheTransactionGoesOn() {
        String taken = area();
        String before = area();
        String undone = area();
        String after = area();
        db.sql("insert into finding_key_read_back (check_year, indicator_code, area_code) values (2025, 'H02', :a)")
                .bind("a", taken).then().block(WAIT);

        List<Boolean> copied = transaction.transactional(db.sql(
                                "insert into finding_key_read_back (check_year, indicator_code, area_code) values (2025, 'H02', :a)")
                        .bind("a", before).then()
                        .then(copyUnlessTaken(readBackKeys(undone, taken)))
                        .concatWith(copyUnlessTaken(readBackKeys(after))).collectList())
                .block(WAIT);

        assertThat(copied).containsExactly(false, true);
        assertThat(readBackKeysOf(taken, before, undone, after)).containsExactlyInAnyOrder(taken, before, after);

        String alone = area();
        assertThat(copyUnlessTaken(readBackKeys(alone, taken)).block(WAIT)).isFalse();
        assertThat(copyUnlessTaken(readBackKeys(alone)).block(WAIT)).isTrue();
        assertThat(readBackKeysOf(alone)).containsExactly(alone);
    }
}
