package org.tijian.contracts.catalog;

/** Which kind of indicator system an indicator belongs to. */
public enum IndicatorSystemKind {
    NATIONAL_BASIC("国家基础指标"),
    PROVINCIAL("省级指标"),
    CITY_SPECIFIC("城市特色指标"),
    SPECIAL_CHECK("专项体检指标");

    private final String nameZh;

    IndicatorSystemKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
