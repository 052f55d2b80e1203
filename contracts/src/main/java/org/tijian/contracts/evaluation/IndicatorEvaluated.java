package org.tijian.contracts.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.MayBeNull;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;

/**
 * One indicator was judged for one area and check year. Published only when the verdict or the
 * value changed, so a consumer sees every transition (e.g. FAIL to PASS) once. Keyed by
 * {@code areaCode}.
 *
 * @param version increases by one with each new result for the same indicator, area and year
 * @param standard the evaluation standard in words, e.g. {@code ">= 70"}
 * @param explanation the formula with the numbers filled in, e.g. {@code "64 < 70"}
 * @param observationIds the accepted observations the value was computed from (lineage)
 */
public record IndicatorEvaluated(
        UUID resultId,
        int version,
        int checkYear,
        String areaCode,
        String indicatorCode,
        String indicatorNameZh,
        Dimension dimension,
        @MayBeNull BigDecimal value,
        @MayBeNull String unit,
        Verdict verdict,
        String standard,
        @MayBeNull BigDecimal gap,
        String explanation,
        RectificationClass defaultRectificationClass,
        List<UUID> observationIds,
        Instant evaluatedAt) {
}
