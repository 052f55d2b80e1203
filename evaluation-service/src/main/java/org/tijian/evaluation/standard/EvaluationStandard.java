package org.tijian.evaluation.standard;

import java.math.BigDecimal;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;

/** One indicator with its evaluation standard (评价标准) for a check year. */
public record EvaluationStandard(
        String indicatorCode,
        String nameZh,
        String nameEn,
        Dimension dimension,
        String categoryZh,
        String unit,
        Direction direction,
        Operator operator,
        BigDecimal threshold,
        String standardNote,
        RectificationClass defaultRectificationClass) {

    /** The standard as officials read it, e.g. {@code ">= 70"} or {@code "not graded"}. */
    public String describe() {
        return operator == Operator.NOT_GRADED ? operator.symbol() : operator.symbol() + " " + threshold.toPlainString();
    }

    public Judgment judge(BigDecimal value) {
        if (value == null) {
            return new Judgment(Verdict.NO_DATA, null, "no value reported");
        }
        String shown = value.stripTrailingZeros().toPlainString();
        if (operator == Operator.NOT_GRADED) {
            return new Judgment(Verdict.NOT_GRADED, null, shown + " (not graded)");
        }
        String limit = threshold.stripTrailingZeros().toPlainString();
        int comparison = value.compareTo(threshold);
        boolean pass = switch (operator) {
            case AT_LEAST -> comparison >= 0;
            case AT_MOST -> comparison <= 0;
            case EQUALS -> comparison == 0;
            case NOT_GRADED -> throw new IllegalStateException("handled above");
        };
        String relation = comparison < 0 ? "<" : comparison > 0 ? ">" : "=";
        String explanation = shown + " " + relation + " " + limit;
        if (pass) {
            return new Judgment(Verdict.PASS, null, explanation);
        }
        return new Judgment(Verdict.FAIL, value.subtract(threshold).abs(), explanation);
    }
}
