package org.tijian.evaluation.indicator;

import java.math.BigDecimal;
import org.tijian.contracts.Verdict;

/**
 * @param gap how far a failing value is from the threshold (always positive); null unless FAIL
 * @param explanation the comparison with the numbers filled in, e.g. {@code "64 < 70"}
 */
public record Judgment(Verdict verdict, BigDecimal gap, String explanation) {
}
