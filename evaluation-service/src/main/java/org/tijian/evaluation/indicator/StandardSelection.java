package org.tijian.evaluation.indicator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.StandardOperator;

/**
 * Picks the standard of an indicator that applies to one city in one check year. The most specific
 * standard wins: one for the city's size class, then one for its city class, then one for every city.
 * When the year has standards only for other classes (U27 grades capitals and prefecture cities,
 * not counties), the indicator is not graded for this city.
 */
public final class StandardSelection {

    public static EvaluationStandard select(IndicatorDefined indicator, int checkYear, CityClassification city) {
        List<IndicatorDefined.Standard> ofYear = indicator.standards().stream()
                .filter(s -> s.checkYear() == checkYear)
                .toList();
        if (ofYear.isEmpty()) {
            return notGraded(indicator, checkYear, city, checkYear + "年未设定评价标准");
        }
        Optional<IndicatorDefined.Standard> chosen = ofYear.stream()
                .filter(s -> s.sizeClass() != null && s.sizeClass().equals(city.sizeClass())
                        && (s.cityClass() == null || s.cityClass().equals(city.cityClass())))
                .findFirst()
                .or(() -> ofYear.stream()
                        .filter(s -> s.sizeClass() == null && s.cityClass() != null && s.cityClass().equals(city.cityClass()))
                        .findFirst())
                .or(() -> ofYear.stream().filter(s -> s.sizeClass() == null && s.cityClass() == null).findFirst());
        if (chosen.isEmpty()) {
            return notGraded(indicator, checkYear, city, "评价标准只适用于特定城市类别或规模，不适用于本市（城市类别 "
                    + Objects.requireNonNullElse(city.cityClass(), "未设定") + "，城市规模 "
                    + Objects.requireNonNullElse(city.sizeClass(), "未设定") + "）");
        }
        IndicatorDefined.Standard standard = chosen.get();
        return new EvaluationStandard(indicator.code(), indicator.nameZh(), indicator.dimension(), indicator.unit(),
                indicator.defaultRectificationClass(), checkYear, standard.cityClass(), standard.sizeClass(),
                standard.operator(), standard.threshold(), standard.upperThreshold(), standard.noteZh());
    }

    private static EvaluationStandard notGraded(IndicatorDefined indicator, int checkYear, CityClassification city,
            String why) {
        return new EvaluationStandard(indicator.code(), indicator.nameZh(), indicator.dimension(), indicator.unit(),
                indicator.defaultRectificationClass(), checkYear, city.cityClass(), city.sizeClass(),
                StandardOperator.NOT_GRADED, null, null, why);
    }

    private StandardSelection() {
    }
}
