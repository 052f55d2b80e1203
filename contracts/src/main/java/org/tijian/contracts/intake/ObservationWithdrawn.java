package org.tijian.contracts.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A department withdrew what it had reported (a value, a finding or a public-feedback figure); the
 * observation stays in intake's history but no longer counts. Keyed by {@code areaCode}.
 *
 * @param subject the data element (VALUE), indicator code (FINDING) or topic (SURVEY, HOTLINE)
 * @param qualifier the finding type (FINDING) or hotline channel (HOTLINE); empty otherwise
 * @param batchId the delete batch that withdrew it
 */
public record ObservationWithdrawn(
        UUID observationId,
        ObservationKind kind,
        int checkYear,
        String areaCode,
        String subject,
        String qualifier,
        String department,
        String withdrawnBy,
        UUID batchId,
        int rowNo,
        Instant withdrawnAt) {
}
