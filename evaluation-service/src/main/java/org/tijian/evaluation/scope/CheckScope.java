package org.tijian.evaluation.scope;

import java.time.Instant;
import java.util.List;

/**
 * A city's check scope (体检范围) for one check year: the communities (社区) and the blocks (街区,
 * i.e. streets) it checks, as area codes in the order they were submitted.
 *
 * @param version 1 for the first scope of the city and year, +1 with every replacement
 */
public record CheckScope(
        String cityCode,
        int year,
        List<String> communities,
        List<String> blocks,
        String noteZh,
        int version,
        String updatedBy,
        Instant updatedAt) {

    public CheckScope {
        communities = List.copyOf(communities);
        blocks = List.copyOf(blocks);
    }

    /** A scope as submitted, before the store numbers it. */
    public static CheckScope draft(String cityCode, int year, List<String> communities, List<String> blocks,
            String noteZh, String updatedBy) {
        return new CheckScope(cityCode, year, communities, blocks, noteZh, 0, updatedBy, null);
    }
}
