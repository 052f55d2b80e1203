package org.tijian.evaluation.report;

import org.tijian.contracts.AreaLevel;

/**
 * One child of an area with the verdicts of its own results of a year (what the console's drill-down colours by
 * failures): {@code counts.total} counts the child's results, NO_DATA ones included; a child without results has 0.
 */
public record ChildVerdicts(String code, String nameZh, AreaLevel level, VerdictCounts counts) {
}
