package org.tijian.evaluation.report;

import java.util.Collection;
import org.tijian.contracts.Verdict;

/** How many indicators passed, failed, were not graded, or have no data (no result counts as no data). */
public record VerdictCounts(int total, int pass, int fail, int notGraded, int noData) {

    public static VerdictCounts of(Collection<Verdict> verdicts) {
        int pass = 0;
        int fail = 0;
        int notGraded = 0;
        int noData = 0;
        for (Verdict verdict : verdicts) {
            switch (verdict == null ? Verdict.NO_DATA : verdict) {
                case PASS -> pass++;
                case FAIL -> fail++;
                case NOT_GRADED -> notGraded++;
                case NO_DATA -> noData++;
            }
        }
        return new VerdictCounts(verdicts.size(), pass, fail, notGraded, noData);
    }
}
