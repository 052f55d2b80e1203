package org.tijian.evaluation.scope;

import java.time.Instant;
import java.util.List;

/**
 * A scope as stored, checked against the area tree as it is now.
 *
 * @param builtUpCommunityCount the city's communities under streets named …街道 (the built-up area)
 * @param requiredCommunities how many communities the scope must hold (see {@link CheckScopeRules})
 */
public record ScopeReport(
        String cityCode,
        String cityNameZh,
        int year,
        List<Community> communities,
        List<Block> blocks,
        String noteZh,
        long builtUpCommunityCount,
        int requiredCommunities,
        int requiredBlocks,
        boolean compliant,
        List<ScopeViolation> violations,
        int version,
        String updatedBy,
        Instant updatedAt) {

    /** A checked community (社区) and the street it lies in; name and street are null for a code gone from the tree. */
    public record Community(String code, String nameZh, String streetCode) {
    }

    /** A checked block (街区), i.e. a street. */
    public record Block(String code, String nameZh) {
    }

    /** The line of the province's overview. */
    public Summary summary() {
        return new Summary(cityCode, cityNameZh, year, communities.size(), blocks.size(), requiredCommunities, compliant,
                violations.stream().map(ScopeViolation::code).toList(), version, updatedBy, updatedAt);
    }

    public record Summary(String cityCode, String cityNameZh, int year, int communityCount, int blockCount,
            int requiredCommunities, boolean compliant, List<String> violations, int version, String updatedBy,
            Instant updatedAt) {
    }
}
