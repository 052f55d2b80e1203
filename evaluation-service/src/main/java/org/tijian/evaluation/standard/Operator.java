package org.tijian.evaluation.standard;

/** How a value is compared with the standard's threshold. */
public enum Operator {
    AT_LEAST(">="),
    AT_MOST("<="),
    EQUALS("="),
    /** The standard gives no threshold for this indicator (不评价): the value is reported, not judged. */
    NOT_GRADED("not graded");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
