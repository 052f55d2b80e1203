package org.tijian.contracts.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.tijian.contracts.MayBeNull;

/**
 * A department's reported value for one data element, area and check year was accepted by intake.
 * Keyed by {@code areaCode}.
 */
public record ObservationAccepted(
        UUID observationId,
        int checkYear,
        String areaCode,
        String dataElement,
        BigDecimal value,
        @MayBeNull String unit,
        String department,
        String submittedBy,
        Instant acceptedAt) {
}
