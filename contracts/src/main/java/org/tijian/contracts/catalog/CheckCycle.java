package org.tijian.contracts.catalog;

/** How often an indicator is checked (体检周期). */
public enum CheckCycle {
    YEARLY("每年"),
    EVERY_TWO_YEARS("每两年"),
    EVERY_FIVE_YEARS("每五年");

    private final String nameZh;

    CheckCycle(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
