package org.tijian.projects.project;

import java.math.BigDecimal;

/**
 * Sums of the projects (not cancelled) of one group of the library, computed by the store.
 *
 * @param grouping what the group shares: {@code ALL}, {@code TYPE}, {@code DEPARTMENT} or {@code YEAR}
 * @param key the type's name, the department's code ({@code ""} for none) or the plan year; {@code ALL} for all
 * @param progress in percent, weighted by investment when any project of the group has an estimate, else the plain
 *     average; one decimal
 */
public record ProjectSums(String grouping, String key, long projects, BigDecimal investmentWan, long completed,
        BigDecimal progress) {
}
