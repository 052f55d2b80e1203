package org.tijian.evaluation.indicator;

import java.math.BigDecimal;
import java.util.List;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.catalog.AcquisitionMethod;
import org.tijian.contracts.catalog.CheckCycle;
import org.tijian.contracts.catalog.Direction;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.StandardOperator;

/**
 * An indicator as an administrator writes it: the fields of {@link IndicatorDefined} that a person
 * chooses. Every field may be missing here, so that the catalog's rules can name each missing one
 * instead of the request failing to parse; the system, owner and special-check sets come from the
 * catalog.
 *
 * @param revision for a change: the revision it is based on
 */
public record IndicatorRequest(
        String code,
        String systemCode,
        String nameZh,
        String nameEn,
        Dimension dimension,
        String categoryZh,
        String unit,
        Direction direction,
        Boolean core,
        List<AcquisitionMethod> acquisitionMethods,
        CheckCycle checkCycle,
        AreaLevel evaluationLevel,
        String responsibleDepartment,
        String responsibleDepartmentZh,
        RectificationClass defaultRectificationClass,
        String rectificationSuggestionZh,
        IndicatorDefined.Computation computation,
        List<IndicatorDefined.DataElement> dataElements,
        List<StandardRequest> standards,
        List<IndicatorDefined.GradeBand> gradeBands,
        Long revision) {

    /** @param checkYear for a year's standards given in the path, may be left out */
    public record StandardRequest(Integer checkYear, String cityClass, String sizeClass, StandardOperator operator,
            BigDecimal threshold, BigDecimal upperThreshold, String noteZh) {

        IndicatorDefined.Standard toStandard(int defaultYear) {
            return new IndicatorDefined.Standard(checkYear == null ? defaultYear : checkYear, cityClass, sizeClass,
                    operator, threshold, upperThreshold, noteZh);
        }
    }

    IndicatorDefined toDraft() {
        return new IndicatorDefined(code, systemCode, null, null, nameZh, nameEn, dimension, categoryZh, unit, direction,
                Boolean.TRUE.equals(core), acquisitionMethods, checkCycle, evaluationLevel, responsibleDepartment,
                responsibleDepartmentZh, defaultRectificationClass, rectificationSuggestionZh, computation,
                dataElements == null ? List.of() : dataElements,
                standards == null ? List.of() : standards.stream().map(s -> s.toStandard(0)).toList(),
                gradeBands == null ? List.of() : gradeBands, List.of(), false, revision == null ? 0 : revision);
    }
}
