package org.tijian.evaluation.indicator;

import java.util.List;
import org.tijian.contracts.catalog.IndicatorSystemKind;

/**
 * A set of indicators: the national basic system, a province's or a city's own indicators (特色指标),
 * or a special check (专项体检) on one topic. A special check lists the indicators it uses
 * ({@code memberCodes}), which may come from any system, besides the ones defined in it.
 *
 * @param ownerAreaCode the province or city that owns the system; null for the national one
 * @param topicZh for special checks: the topic, e.g. 停车
 */
public record IndicatorSystem(
        String code,
        IndicatorSystemKind kind,
        String nameZh,
        String nameEn,
        String ownerAreaCode,
        String topicZh,
        List<String> memberCodes) {

    public static final String NATIONAL_BASIC = "NATIONAL_BASIC";

    /** A city should add at least this many indicators of its own (《工作方案》: 原则上不少于5个). */
    public static final int MINIMUM_CITY_SPECIFIC_INDICATORS = 5;
}
