package org.tijian.contracts.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.MayBeNull;
import org.tijian.contracts.RectificationClass;

/**
 * An indicator was defined or changed (including any of its yearly standards); the record carries the
 * whole current definition. Published on the compacted topic {@code catalog.indicators.v1}, keyed by
 * {@code code}, so any service can rebuild its copy of the indicator system from the topic. A withdrawn
 * indicator is published once more with {@code retired = true}.
 *
 * @param systemCode the indicator system it belongs to, e.g. {@code NATIONAL_BASIC} or a city's 特色指标 system
 * @param ownerAreaCode the province or city that added it; null for the national basic indicators
 * @param evaluationLevel the level of the area tree at which the indicator is judged
 * @param specialCheckSets codes of the special-check (专项体检) sets that include this indicator
 * @param revision increases with every change, so a copy can ignore an older definition
 */
public record IndicatorDefined(
        String code,
        String systemCode,
        IndicatorSystemKind systemKind,
        @MayBeNull String ownerAreaCode,
        String nameZh,
        @MayBeNull String nameEn,
        Dimension dimension,
        String categoryZh,
        String unit,
        Direction direction,
        boolean core,
        List<AcquisitionMethod> acquisitionMethods,
        CheckCycle checkCycle,
        AreaLevel evaluationLevel,
        @MayBeNull String responsibleDepartment,
        @MayBeNull String responsibleDepartmentZh,
        RectificationClass defaultRectificationClass,
        @MayBeNull String rectificationSuggestionZh,
        Computation computation,
        List<DataElement> dataElements,
        List<Standard> standards,
        List<GradeBand> gradeBands,
        List<String> specialCheckSets,
        boolean retired,
        long revision) {

    /** This definition with other standards, e.g. only those of one check year. */
    public IndicatorDefined withStandards(List<Standard> otherStandards) {
        return new IndicatorDefined(code, systemCode, systemKind, ownerAreaCode, nameZh, nameEn, dimension, categoryZh,
                unit, direction, core, acquisitionMethods, checkCycle, evaluationLevel, responsibleDepartment,
                responsibleDepartmentZh, defaultRectificationClass, rectificationSuggestionZh, computation, dataElements,
                otherStandards, gradeBands, specialCheckSets, retired, revision);
    }

    /** This definition under another code. */
    public IndicatorDefined withCode(String otherCode) {
        return new IndicatorDefined(otherCode, systemCode, systemKind, ownerAreaCode, nameZh, nameEn, dimension,
                categoryZh, unit, direction, core, acquisitionMethods, checkCycle, evaluationLevel, responsibleDepartment,
                responsibleDepartmentZh, defaultRectificationClass, rectificationSuggestionZh, computation, dataElements,
                standards, gradeBands, specialCheckSets, retired, revision);
    }

    /**
     * How the indicator's value is computed from what departments report.
     *
     * @param findingType for ITEM_COUNT: the item-level finding type counted, e.g. {@code GAS_HAZARD}
     * @param value for VALUE and PER_CAPITA: the data element reported
     * @param numerator for RATIO: the numerator data element; for COVERAGE: the covered quantity
     * @param denominator for RATIO: the denominator data element; for COVERAGE: the total quantity
     * @param scale the factor applied to a ratio, 100 for a percentage
     */
    public record Computation(
            ComputationType type,
            @MayBeNull String findingType,
            @MayBeNull String value,
            @MayBeNull String numerator,
            @MayBeNull String denominator,
            @MayBeNull BigDecimal scale) {
    }

    /** A figure that departments report (数据项), e.g. sewage collected in tonnes per year. */
    public record DataElement(String code, String nameZh, String unit) {
    }

    /**
     * The evaluation standard (评价标准) for one check year, optionally for one city class or size class
     * only; a standard with neither applies to every city that no more specific standard names.
     *
     * @param cityClass PROVINCIAL_CAPITAL, PREFECTURE_CITY or COUNTY
     * @param sizeClass SUPER_LARGE, MEGA, LARGE, MEDIUM or SMALL (城市规模)
     * @param upperThreshold for BETWEEN only: the inclusive upper limit
     */
    public record Standard(
            int checkYear,
            @MayBeNull String cityClass,
            @MayBeNull String sizeClass,
            StandardOperator operator,
            @MayBeNull BigDecimal threshold,
            @MayBeNull BigDecimal upperThreshold,
            @MayBeNull String noteZh) {
    }

    /**
     * Grades a count indicator by the share of problem items: the first band whose
     * {@code maxProblemSharePercent} is not exceeded gives the grade.
     */
    public record GradeBand(Grade grade, BigDecimal maxProblemSharePercent) {
    }
}
