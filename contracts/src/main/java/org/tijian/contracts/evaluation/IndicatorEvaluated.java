package org.tijian.contracts.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tijian.contracts.AreaLevel;
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
 * @param observationIds the accepted observations (values, findings) the value was computed from (lineage); empty
 *     for an aggregate, whose lineage is its children's results
 * @param areaLevel the level of the judged area
 * @param evaluationLevel the indicator's level (评价层级): when {@code areaLevel} equals it, the result is about one
 *     item (one building, one compound); above it, the result aggregates the items below
 * @param itemsFailing for counts: how many items below (or this item) fail
 * @param itemsSurveyed for counts: how many items were surveyed; for sums and ratios: how many reported
 * @param itemsTotal how many items of the evaluation level the area holds, if known
 * @param missing for NO_DATA: what is missing, e.g. the data element {@code U01_PRODUCED} or {@code POPULATION}
 * @param grade the grade band (GOOD, MEDIUM, POOR) where the indicator configures bands
 * @param standardRevision the indicator's catalog revision whose standard was applied
 * @param detailZh for an item-level finding: the department's description (问题明细)
 * @param severity for an item-level finding: MINOR, MAJOR or SEVERE
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
        Instant evaluatedAt,
        AreaLevel areaLevel,
        AreaLevel evaluationLevel,
        @MayBeNull Long itemsFailing,
        @MayBeNull Long itemsSurveyed,
        @MayBeNull Long itemsTotal,
        List<String> missing,
        @MayBeNull String grade,
        long standardRevision,
        @MayBeNull String detailZh,
        @MayBeNull String severity) {
}
