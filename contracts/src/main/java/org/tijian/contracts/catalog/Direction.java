package org.tijian.contracts.catalog;

/** Which way an indicator improves; decides whether a year-over-year change is better or worse. */
public enum Direction {
    HIGHER_BETTER("越高越好"),
    LOWER_BETTER("越低越好");

    private final String nameZh;

    Direction(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
