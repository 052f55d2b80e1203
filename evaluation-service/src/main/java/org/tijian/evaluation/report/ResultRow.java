package org.tijian.evaluation.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.indicator.CityClassification;
import org.tijian.evaluation.indicator.StandardSelection;
import org.tijian.evaluation.result.IndicatorResult;

/**
 * One indicator's line of a scorecard: the indicator and the area's result, or {@code NO_DATA} with
 * {@code missing: ["NO_INPUT"]} when there is no result at all (nothing was reported).
 *
 * @param resultId null when there is no result; the lineage is at {@code /api/evaluation/results/{resultId}/lineage}
 * @param standard the result's standard, or the one that applies to the city when there is no result
 */
public record ResultRow(
        String code,
        String nameZh,
        boolean core,
        String unit,
        UUID resultId,
        BigDecimal value,
        Verdict verdict,
        String standard,
        BigDecimal gap,
        String explanation,
        Long itemsFailing,
        Long itemsSurveyed,
        Long itemsTotal,
        List<String> missing,
        String grade,
        Integer version,
        Instant evaluatedAt) {

    /** Named in {@code missing} when the area has no result for the indicator. */
    public static final String NO_INPUT = "NO_INPUT";

    /** @param result null when the area has none */
    public static ResultRow of(IndicatorDefined indicator, IndicatorResult result, int checkYear,
            CityClassification city) {
        if (result == null) {
            return new ResultRow(indicator.code(), indicator.nameZh(), indicator.core(), indicator.unit(), null, null,
                    Verdict.NO_DATA, StandardSelection.select(indicator, checkYear, city).describe(), null, null, null,
                    null, null, List.of(NO_INPUT), null, null, null);
        }
        return new ResultRow(indicator.code(), indicator.nameZh(), indicator.core(),
                result.unit() == null ? indicator.unit() : result.unit(), result.id(), result.value(), result.verdict(),
                result.standard(), result.gap(), result.explanation(), result.itemsFailing(), result.itemsSurveyed(),
                result.itemsTotal(), result.missing(), result.grade(), result.version(), result.evaluatedAt());
    }
}
