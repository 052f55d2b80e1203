package org.tijian.contracts.catalog;

/** How an indicator value is computed from reported data. */
public enum ComputationType {
    ITEM_COUNT("问题项计数"),
    VALUE("填报数值"),
    RATIO("比率"),
    PER_CAPITA("人均"),
    COVERAGE("覆盖率");

    private final String nameZh;

    ComputationType(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
