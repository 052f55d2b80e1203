package org.tijian.intake.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.tijian.contracts.intake.ObservationKind;

/**
 * One version of something a department reported, with its lineage: the batch and row it came in,
 * the department, the submitter and how it was obtained. {@code CURRENT} versions count; corrections
 * make the earlier version {@code SUPERSEDED}, withdrawals make it {@code WITHDRAWN}.
 *
 * @param subject the data element (VALUE), indicator (FINDING) or topic (SURVEY, HOTLINE)
 * @param qualifier the hotline channel for HOTLINE, else empty
 * @param detail kind-specific fields as JSON (finding type, severity, references; respondents)
 */
public record Observation(
        UUID id,
        ObservationKind kind,
        int checkYear,
        String areaCode,
        String subject,
        String qualifier,
        BigDecimal value,
        String unit,
        String note,
        String detail,
        String department,
        String submittedBy,
        String sourceMethod,
        UUID batchId,
        Integer rowNo,
        int revision,
        Status status,
        UUID supersedes,
        Instant receivedAt,
        Instant endedAt) {

    public enum Status {
        CURRENT, SUPERSEDED, WITHDRAWN
    }
}
