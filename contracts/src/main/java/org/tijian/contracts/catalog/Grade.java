package org.tijian.contracts.catalog;

/** Grade bands for count indicators. */
public enum Grade {
    GOOD("优良"),
    MEDIUM("中等"),
    POOR("不足");

    private final String nameZh;

    Grade(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
