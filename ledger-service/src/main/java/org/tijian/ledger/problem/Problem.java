package org.tijian.ledger.problem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.ledger.ProblemIdentified;

/** A problem in the ledger of its area, opened from a failing evaluation result. */
public record Problem(
        UUID id,
        int checkYear,
        String areaCode,
        String indicatorCode,
        String indicatorNameZh,
        Dimension dimension,
        BigDecimal resultValue,
        String unit,
        String standard,
        String description,
        RectificationClass rectificationClass,
        ProblemStatus status,
        UUID sourceResultId,
        Instant identifiedAt) {

    /** A failing result reveals a problem; any other verdict does not. */
    public static Optional<Problem> identify(IndicatorEvaluated result, Instant now) {
        if (result.verdict() != Verdict.FAIL || aggregate(result)) {
            return Optional.empty();
        }
        String unit = result.unit() == null ? "" : result.unit();
        String description = "%s：%s%s，未达到评价标准（%s%s）".formatted(result.indicatorNameZh(),
                result.value() == null ? "无数据" : result.value().stripTrailingZeros().toPlainString(), unit,
                result.standard(), unit);
        return Optional.of(new Problem(UUID.randomUUID(), result.checkYear(), result.areaCode(), result.indicatorCode(),
                result.indicatorNameZh(), result.dimension(), result.value(), result.unit(), result.standard(),
                description, result.defaultRectificationClass(), ProblemStatus.IDENTIFIED, result.resultId(), now));
    }

    /**
     * A result above the indicator's level (a compound's count of hazardous buildings) sums up problems that are opened
     * where they are, one per building; it opens none of its own.
     */
    static boolean aggregate(IndicatorEvaluated result) {
        return result.areaLevel() != null && result.evaluationLevel() != null
                && result.areaLevel().ordinal() < result.evaluationLevel().ordinal();
    }

    public ProblemIdentified identified() {
        return new ProblemIdentified(id, checkYear, areaCode, indicatorCode, indicatorNameZh, dimension, resultValue,
                unit, standard, description, rectificationClass, sourceResultId, identifiedAt);
    }
}
