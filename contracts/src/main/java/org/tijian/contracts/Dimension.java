package org.tijian.contracts;

/** The four dimensions of a city health check. */
public enum Dimension {
    /** 住房 */
    HOUSING("住房"),
    /** 小区(社区) */
    COMMUNITY("小区(社区)"),
    /** 街区 */
    BLOCK("街区"),
    /** 城区(城市) */
    CITY("城区(城市)");

    private final String nameZh;

    Dimension(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
