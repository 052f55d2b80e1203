package org.tijian.contracts.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tijian.contracts.MayBeNull;
import org.tijian.contracts.RectificationClass;

/**
 * A problem passed its deadline (整改期限) before it was reported fixed, verified or dismissed. Published once per
 * problem by the ledger's scheduled deadline check. Keyed by {@code areaCode}.
 *
 * @param status the workflow status when it was found overdue
 */
public record ProblemOverdue(
        UUID problemId,
        int checkYear,
        String areaCode,
        String indicatorCode,
        String indicatorNameZh,
        RectificationClass rectificationClass,
        @MayBeNull String responsibleUnit,
        LocalDate deadline,
        String status,
        Instant detectedAt) {
}
