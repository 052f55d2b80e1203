package org.tijian.evaluation.indicator;

import java.math.BigDecimal;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.StandardOperator;

/**
 * The evaluation standard (评价标准) that applies to one area in one check year: the indicator's
 * standard for that year, picked for the area's city class and size class (see {@link StandardSelection}).
 *
 * @param upperThreshold for BETWEEN only: the inclusive upper limit
 * @param noteZh the standard's wording, or why the indicator is not graded for this area
 */
public record EvaluationStandard(
        String indicatorCode,
        String nameZh,
        Dimension dimension,
        String unit,
        RectificationClass defaultRectificationClass,
        int checkYear,
        String cityClass,
        String sizeClass,
        StandardOperator operator,
        BigDecimal threshold,
        BigDecimal upperThreshold,
        String noteZh) {

    /** The standard as officials read it, e.g. {@code ">= 70"}, {@code "between 10 and 20"} or {@code "not graded"}. */
    public String describe() {
        return switch (operator) {
            case AT_LEAST -> ">= " + plain(threshold);
            case AT_MOST -> "<= " + plain(threshold);
            case EQUALS -> "= " + plain(threshold);
            case BETWEEN -> "between " + plain(threshold) + " and " + plain(upperThreshold);
            case NOT_GRADED -> "not graded";
        };
    }

    public Judgment judge(BigDecimal value) {
        return judge(value, "");
    }

    /**
     * @param suffix written after each number in the explanation, e.g. {@code "%"}: {@code "64% < 70%"}
     */
    public Judgment judge(BigDecimal value, String suffix) {
        if (value == null) {
            return new Judgment(Verdict.NO_DATA, null, "no value reported");
        }
        String shown = plain(value) + suffix;
        if (operator == StandardOperator.NOT_GRADED) {
            return new Judgment(Verdict.NOT_GRADED, null, shown + " (not graded)");
        }
        String lower = plain(threshold) + suffix;
        if (operator == StandardOperator.BETWEEN) {
            String upper = plain(upperThreshold) + suffix;
            if (value.compareTo(threshold) < 0) {
                return new Judgment(Verdict.FAIL, threshold.subtract(value), shown + " < " + lower);
            }
            if (value.compareTo(upperThreshold) > 0) {
                return new Judgment(Verdict.FAIL, value.subtract(upperThreshold), shown + " > " + upper);
            }
            return new Judgment(Verdict.PASS, null, lower + " <= " + shown + " <= " + upper);
        }
        int comparison = value.compareTo(threshold);
        boolean pass = switch (operator) {
            case AT_LEAST -> comparison >= 0;
            case AT_MOST -> comparison <= 0;
            case EQUALS -> comparison == 0;
            case BETWEEN, NOT_GRADED -> throw new IllegalStateException("handled above");
        };
        String relation = comparison < 0 ? "<" : comparison > 0 ? ">"
                : operator == StandardOperator.AT_LEAST ? ">=" : operator == StandardOperator.AT_MOST ? "<=" : "=";
        String explanation = shown + " " + relation + " " + lower;
        if (pass) {
            return new Judgment(Verdict.PASS, null, explanation);
        }
        return new Judgment(Verdict.FAIL, value.subtract(threshold).abs(), explanation);
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
