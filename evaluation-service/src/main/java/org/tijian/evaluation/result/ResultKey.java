package org.tijian.evaluation.result;

/** Which result: one indicator for one area in one check year. */
public record ResultKey(int checkYear, String indicatorCode, String areaCode) {
}
