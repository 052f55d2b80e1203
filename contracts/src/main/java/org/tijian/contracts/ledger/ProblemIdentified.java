package org.tijian.contracts.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.MayBeNull;
import org.tijian.contracts.RectificationClass;

/**
 * A failing result opened a problem in the ledger (问题台账) of its area. Keyed by {@code areaCode}.
 *
 * @param description 问题明细, in Chinese as users read it
 * @param sourceResultId the evaluation result that revealed the problem (lineage)
 */
public record ProblemIdentified(
        UUID problemId,
        int checkYear,
        String areaCode,
        String indicatorCode,
        String indicatorNameZh,
        Dimension dimension,
        @MayBeNull BigDecimal resultValue,
        @MayBeNull String unit,
        String standard,
        String description,
        RectificationClass rectificationClass,
        UUID sourceResultId,
        Instant identifiedAt) {
}
