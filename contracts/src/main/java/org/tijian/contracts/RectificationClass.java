package org.tijian.contracts;

/** How urgently a problem must be fixed. */
public enum RectificationClass {
    /** 限时解决: safety, health, strong public complaints; fixed by a deadline. */
    TIME_LIMITED("限时解决"),
    /** 尽力解决: done as far as feasible within a period. */
    BEST_EFFORT("尽力解决");

    private final String nameZh;

    RectificationClass(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
