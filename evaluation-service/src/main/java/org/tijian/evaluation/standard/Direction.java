package org.tijian.evaluation.standard;

/** Which way an indicator improves; decides whether a year-over-year change is better or worse. */
public enum Direction {
    HIGHER_BETTER,
    LOWER_BETTER
}
