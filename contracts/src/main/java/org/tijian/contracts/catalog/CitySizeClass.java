package org.tijian.contracts.catalog;

/**
 * A city's size class (城市规模) by the permanent population of its urban area (城区常住人口), as in
 * the State Council's 2014 classification; some standards differ by it (e.g. U15).
 */
public enum CitySizeClass {
    /** 超大城市: 10 million or more. */
    SUPER_LARGE("超大城市"),
    /** 特大城市: 5 to 10 million. */
    MEGA("特大城市"),
    /** 大城市: 1 to 5 million. */
    LARGE("大城市"),
    /** 中等城市: 0.5 to 1 million. */
    MEDIUM("中等城市"),
    /** 小城市: under 0.5 million. */
    SMALL("小城市");

    private final String nameZh;

    CitySizeClass(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
