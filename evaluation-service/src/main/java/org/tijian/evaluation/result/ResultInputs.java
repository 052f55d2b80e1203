package org.tijian.evaluation.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one result is computed from: what was reported at the area itself, its children's current results, and
 * what the year's item-level surveys covered.
 *
 * @param values the current reported values at this area, by data element (withdrawn ones left out)
 * @param findings the current item-level findings at this area (withdrawn ones left out)
 * @param children what the current results of the area's children for the same indicator and year add up to
 * @param covered whether a survey of this indicator covered the area (itself or an ancestor)
 * @param coveredItems how many items of the indicator's level surveys covered in the area's subtree
 * @param hadResultLastYear whether the area has a result for the same indicator last year (an item that failed last
 *     year is judged again this year even without a finding)
 */
public record ResultInputs(
        Map<String, ReportedValue> values,
        List<ReportedFinding> findings,
        ChildTotals children,
        boolean covered,
        long coveredItems,
        boolean hadResultLastYear) {

    public record ReportedValue(UUID observationId, BigDecimal value, String unit) {
    }

    public record ReportedFinding(UUID findingId, String findingType, String severity, String descriptionZh) {
    }

    /**
     * What the current results of an area's children add up to for one indicator: added up where they are stored, so
     * that a compound's result reads one row, not one per building (a replay read 10.8 million rows for 850,000 areas).
     * A child whose verdict is {@code NO_DATA} reports no value and no ratio.
     *
     * @param itemsFailing the failing items below the area, all children counted
     * @param valuesReported the children that report a value
     * @param valueSum their values' sum
     * @param valueItems the items behind those values (a child's surveyed items, or 1 where it states none)
     * @param ratiosReported the children that report a numerator and a denominator
     * @param numeratorSum their numerators' sum
     * @param denominatorSum their denominators' sum
     */
    public record ChildTotals(long itemsFailing, long valuesReported, BigDecimal valueSum, long valueItems,
            long ratiosReported, BigDecimal numeratorSum, BigDecimal denominatorSum) {

        public static final ChildTotals NONE =
                new ChildTotals(0, 0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
