package org.tijian.evaluation.result;

import org.tijian.contracts.AreaLevel;
import org.tijian.evaluation.indicator.CityClassification;

/**
 * Where an area sits in the tree, as evaluation needs it: its level, its parent (results roll up to it), the class of
 * its city (which standard applies), its population (per-capita figures) and how many items of each level it holds
 * (the totals of counts, "3 of 20 buildings").
 *
 * @param known false for an area the tree does not hold: judged alone, at the indicator's level, never rolled up
 */
public record AreaPosition(
        String code,
        AreaLevel level,
        String parentCode,
        CityClassification city,
        Long population,
        long buildings,
        long compounds,
        long communities,
        long streets,
        boolean known) {

    public static AreaPosition unknown(String code, AreaLevel assumedLevel) {
        return new AreaPosition(code, assumedLevel, null, CityClassification.UNKNOWN, null, 0, 0, 0, 0, false);
    }

    /** How many areas of {@code itemLevel} this area's subtree holds (itself included); null when not counted. */
    public Long items(AreaLevel itemLevel) {
        if (itemLevel == level) {
            return 1L;
        }
        if (!known || !above(itemLevel)) {
            return null;
        }
        return switch (itemLevel) {
            case BUILDING -> buildings;
            case COMPOUND -> compounds;
            case COMMUNITY -> communities;
            case STREET -> streets;
            default -> null;
        };
    }

    /** Whether this area lies above the given level (a city above its buildings). */
    public boolean above(AreaLevel other) {
        return level.ordinal() < other.ordinal();
    }

    /** Results roll up from here to the parent: never past a city, never from an area the tree does not hold. */
    public boolean rollsUp() {
        return known && parentCode != null && level.ordinal() > AreaLevel.CITY.ordinal();
    }
}
