package org.tijian.evaluation.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tijian.contracts.Verdict;

/**
 * Everything one result is computed from: what was reported at the area itself, its children's current results, and
 * what the year's item-level surveys covered.
 *
 * @param values the current reported values at this area, by data element (withdrawn ones left out)
 * @param findings the current item-level findings at this area (withdrawn ones left out)
 * @param children the current results of the area's children for the same indicator and year
 * @param covered whether a survey of this indicator covered the area (itself or an ancestor)
 * @param coveredItems how many items of the indicator's level surveys covered in the area's subtree
 * @param hadResultLastYear whether the area has a result for the same indicator last year (an item that failed last
 *     year is judged again this year even without a finding)
 */
public record ResultInputs(
        Map<String, ReportedValue> values,
        List<ReportedFinding> findings,
        List<ChildResult> children,
        boolean covered,
        long coveredItems,
        boolean hadResultLastYear) {

    public record ReportedValue(UUID observationId, BigDecimal value, String unit) {
    }

    public record ReportedFinding(UUID findingId, String findingType, String severity, String descriptionZh) {
    }

    public record ChildResult(String areaCode, Verdict verdict, BigDecimal value, BigDecimal numerator,
            BigDecimal denominator, Long itemsFailing, Long itemsSurveyed) {

        boolean hasValue() {
            return verdict != Verdict.NO_DATA && value != null;
        }

        boolean hasRatio() {
            return verdict != Verdict.NO_DATA && numerator != null && denominator != null;
        }
    }
}
