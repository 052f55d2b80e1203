package org.tijian.contracts;

/** The judgment of one indicator value against its evaluation standard (评价标准). */
public enum Verdict {
    PASS,
    FAIL,
    NOT_GRADED,
    NO_DATA
}
