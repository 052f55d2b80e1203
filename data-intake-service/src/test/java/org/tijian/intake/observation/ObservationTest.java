package org.tijian.intake.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tijian.kit.error.TijianException;

class ObservationTest {

    private static final Instant NOW = Instant.parse("2025-05-01T08:00:00Z");

    private static Observation.Submission submission(String areaCode, String dataElement, String value) {
        return new Observation.Submission(2025, areaCode, dataElement, value == null ? null : new BigDecimal(value), "%", null);
    }

    private static IntakeError rejection(Runnable action) {
        try {
            action.run();
        } catch (TijianException e) {
            return (IntakeError) e.errorCode();
        }
        throw new AssertionError("expected a rejection");
    }

    @Test
    void acceptedObservationKeepsItsLineage() {
        Observation observation = Observation.accept(submission("360102", "U01", "64.5"), "water", List.of("3601"),
                "alice", "key-1", NOW);

        assertThat(observation.department()).isEqualTo("water");
        assertThat(observation.submittedBy()).isEqualTo("alice");
        assertThat(observation.receivedAt()).isEqualTo(NOW);
        assertThat(observation.accepted().observationId()).isEqualTo(observation.id());
        assertThat(observation.accepted().value()).isEqualByComparingTo("64.5");
    }

    @Test
    void eachRuleHasItsOwnCode() {
        assertThat(rejection(() -> Observation.accept(new Observation.Submission(1999, "3601", "U01", BigDecimal.ONE, null, null),
                "water", List.of("36"), "a", null, NOW))).isEqualTo(IntakeError.CHECK_YEAR_OUT_OF_RANGE);
        assertThat(rejection(() -> Observation.accept(submission("36-01", "U01", "1"), "water", List.of("36"), "a", null, NOW)))
                .isEqualTo(IntakeError.MALFORMED_AREA_CODE);
        assertThat(rejection(() -> Observation.accept(submission("3601", "u01 x", "1"), "water", List.of("36"), "a", null, NOW)))
                .isEqualTo(IntakeError.MALFORMED_DATA_ELEMENT);
        assertThat(rejection(() -> Observation.accept(submission("3601", "U01", null), "water", List.of("36"), "a", null, NOW)))
                .isEqualTo(IntakeError.VALUE_MISSING);
        assertThat(rejection(() -> Observation.accept(submission("3602", "U01", "1"), "water", List.of("3601"), "a", null, NOW)))
                .isEqualTo(IntakeError.AREA_OUTSIDE_SCOPE);
        assertThat(rejection(() -> Observation.accept(submission("3601", "U01", "1"), null, List.of("3601"), "a", null, NOW)))
                .isEqualTo(IntakeError.NOT_A_DEPARTMENT);
    }

    @Test
    void replayWithOtherContentIsNotTheSameSubmission() {
        Observation first = Observation.accept(submission("3601", "U01", "64"), "water", List.of("36"), "a", "k", NOW);

        assertThat(first.sameContentAs(submission("3601", "U01", "64.0"))).isTrue();
        assertThat(first.sameContentAs(submission("3601", "U01", "65"))).isFalse();
        assertThatThrownBy(() -> Observation.accept(submission("3601", "U01", "1"), " ", List.of("36"), "a", null, NOW))
                .isInstanceOf(TijianException.class);
    }
}
