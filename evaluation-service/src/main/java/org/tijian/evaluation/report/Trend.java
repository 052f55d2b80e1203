package org.tijian.evaluation.report;

import java.math.BigDecimal;
import org.tijian.contracts.catalog.Direction;

/**
 * How an indicator's value moved from last year to this year (上升 / 持平 / 下降), and whether that is an improvement
 * by the indicator's direction. Values are compared as numbers: 64 and 64.00 are the same.
 */
public enum Trend {
    RISING("上升"),
    FLAT("持平"),
    FALLING("下降");

    private final String nameZh;

    Trend(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The trend from {@code previous} to {@code current}; null when either value is missing. */
    public static Trend between(BigDecimal previous, BigDecimal current) {
        if (previous == null || current == null) {
            return null;
        }
        int order = current.compareTo(previous);
        return order > 0 ? RISING : order < 0 ? FALLING : FLAT;
    }

    /**
     * Whether the change is an improvement: rising for HIGHER_BETTER, falling for LOWER_BETTER. Null when nothing
     * changed (neither better nor worse), when the trend is unknown, or when the indicator has no direction.
     */
    public static Boolean better(Trend trend, Direction direction) {
        if (trend == null || trend == FLAT || direction == null) {
            return null;
        }
        return switch (direction) {
            case HIGHER_BETTER -> trend == RISING;
            case LOWER_BETTER -> trend == FALLING;
        };
    }

    public static String nameZh(Trend trend) {
        return trend == null ? null : trend.nameZh();
    }
}
