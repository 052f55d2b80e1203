package org.tijian.contracts.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.tijian.contracts.MayBeNull;

/**
 * A public-participation figure was accepted: a survey's satisfaction (满意度, percent) or a hotline's
 * complaint count (e.g. 12345) for one area and topic. Keyed by {@code areaCode}.
 *
 * @param kind SURVEY or HOTLINE
 * @param topic what the figure is about, e.g. {@code PARKING} or {@code PROPERTY_MANAGEMENT}
 * @param channel for HOTLINE the hotline, e.g. {@code 12345}; empty for SURVEY
 * @param respondents for SURVEY the number of people who answered, if known
 */
public record PublicFeedbackReported(
        UUID feedbackId,
        ObservationKind kind,
        int checkYear,
        String areaCode,
        String topic,
        String channel,
        BigDecimal value,
        @MayBeNull Long respondents,
        String department,
        String submittedBy,
        UUID batchId,
        int rowNo,
        int revision,
        @MayBeNull UUID supersedes,
        Instant reportedAt) {
}
