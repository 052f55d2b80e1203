package org.tijian.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tijian.contracts.EventType;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.contracts.intake.ObservationWithdrawn;
import org.tijian.contracts.intake.SubmissionAccepted;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.testing.KafkaProbe;
import tools.jackson.databind.json.JsonMapper;

/** What intake publishes, sent to Kafka as intake would: keyed by area (a submission by batch), CloudEvents headers. */
public final class IntakeEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static UUID value(UUID id, int year, String area, String element, String value, int revision, UUID supersedes,
            UUID batch, int rowNo) {
        send(new ObservationAccepted(id, year, area, element, new BigDecimal(value), null, "stats", "stats-dept",
                Instant.now(), batch, rowNo, "DEPARTMENT_STATISTICS", revision, supersedes), area);
        return id;
    }

    public static FindingReported finding(UUID id, int year, String indicator, String area, String type, UUID batch,
            int rowNo) {
        return new FindingReported(id, year, indicator, area, type, "MAJOR", "现场检查发现问题", null, List.of(), "housing",
                "housing-dept", "FIELD_CHECK", batch, rowNo, 1, null, Instant.now());
    }

    /** A FINDING batch of the housing department that surveyed {@code coverage} for one indicator. */
    public static void survey(int year, String indicator, String... coverage) {
        UUID batch = UUID.randomUUID();
        send(new SubmissionAccepted(batch, ObservationKind.FINDING, year, "housing", "housing-dept", "MERGE",
                List.of(coverage), List.of(indicator), 0, 0, 0, 0, 0, false, null, Instant.now()), batch.toString());
    }

    public static void withdraw(int year, UUID observation, ObservationKind kind, String subject, String area) {
        send(new ObservationWithdrawn(observation, kind, year, area, subject, "", "housing", "housing-dept",
                UUID.randomUUID(), 2, Instant.now()), area);
    }

    public static void send(Record event, String key) {
        EventType type = EventType.of(event.getClass());
        KafkaProbe.send(type.topic(), key, JSON.writeValueAsString(event), Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, type.cloudEventType()));
    }

    private IntakeEvents() {
    }
}
