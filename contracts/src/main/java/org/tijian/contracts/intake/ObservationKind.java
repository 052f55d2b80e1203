package org.tijian.contracts.intake;

/** What a submission (批次) reports; one batch holds one kind. */
public enum ObservationKind {
    /** 统计数据: aggregate values of data elements per area. */
    VALUE("统计数据"),
    /** 逐项问题: item-level findings at a building or compound, e.g. one hazardous building. */
    FINDING("逐项问题"),
    /** 满意度调查: survey results, satisfaction per area and topic. */
    SURVEY("满意度调查"),
    /** 热线投诉: hotline complaint counts (e.g. 12345) per area and topic. */
    HOTLINE("热线投诉");

    private final String nameZh;

    ObservationKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
