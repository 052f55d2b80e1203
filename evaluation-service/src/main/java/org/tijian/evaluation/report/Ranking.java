package org.tijian.evaluation.report;

import java.util.Comparator;
import org.tijian.contracts.catalog.Direction;

/**
 * How cities are ranked by an indicator: the best value first in the indicator's direction (the highest for
 * HIGHER_BETTER, the lowest for LOWER_BETTER); equal values share a rank and the next rank skips (1, 1, 3: SQL's
 * {@code rank()}); cities without a value come last, without a rank. The database ranks, by {@code value * sign}
 * ascending; these rules say what it is asked for.
 */
public final class Ranking {

    /** Ranked cities by rank, then the unranked, each by city code. */
    public static final Comparator<CityComparison.RankedCity> ORDER = Comparator
            .comparing(CityComparison.RankedCity::rank, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CityComparison.RankedCity::cityCode);

    private Ranking() {
    }

    /** The factor that makes the best value the smallest: -1 for HIGHER_BETTER, 1 for LOWER_BETTER. */
    public static int sign(Direction direction) {
        return direction == Direction.LOWER_BETTER ? 1 : -1;
    }
}
