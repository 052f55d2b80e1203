package org.tijian.contracts;

/** The levels of the area tree, from the province down to a single building. */
public enum AreaLevel {
    PROVINCE("省"),
    CITY("设区市"),
    DISTRICT("区/县"),
    STREET("街道/乡镇"),
    COMMUNITY("社区"),
    COMPOUND("小区"),
    BUILDING("楼栋");

    private final String nameZh;

    AreaLevel(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Whether an area of this level may sit below one of {@code parent}'s level. */
    public boolean below(AreaLevel parent) {
        return ordinal() > parent.ordinal();
    }
}
