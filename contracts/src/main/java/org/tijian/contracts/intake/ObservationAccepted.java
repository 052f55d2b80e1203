package org.tijian.contracts.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.tijian.contracts.MayBeNull;

/**
 * A department's reported value for one data element, area and check year was accepted by intake.
 * Keyed by {@code areaCode}. A correction is a new event with a higher {@code revision} that names
 * the observation it {@code supersedes}.
 *
 * @param batchId the submission (批次) it came in, null for a single value posted on its own
 * @param rowNo its row in the submitted file (1 is the header of a CSV or XLSX file; the first JSON object is 1)
 * @param sourceMethod how the department obtained it, an {@code AcquisitionMethod} name
 * @param revision 1 for the first value of this data element, area and year; +1 with every correction
 * @param supersedes the observation this one corrects
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
        Instant acceptedAt,
        @MayBeNull UUID batchId,
        @MayBeNull Integer rowNo,
        @MayBeNull String sourceMethod,
        @MayBeNull Integer revision,
        @MayBeNull UUID supersedes) {

    /** A value posted on its own, outside any batch. */
    public static ObservationAccepted single(UUID observationId, int checkYear, String areaCode, String dataElement,
            BigDecimal value, String unit, String department, String submittedBy, Instant acceptedAt) {
        return new ObservationAccepted(observationId, checkYear, areaCode, dataElement, value, unit, department,
                submittedBy, acceptedAt, null, null, null, null, null);
    }
}
