package org.tijian.contracts.catalog;

/** How a value is compared with a standard. */
public enum StandardOperator {
    AT_LEAST("不低于"),
    AT_MOST("不高于"),
    EQUALS("等于"),
    BETWEEN("介于"),
    NOT_GRADED("不评价");

    private final String nameZh;

    StandardOperator(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
