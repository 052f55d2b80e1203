package org.tijian.evaluation.scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tijian.contracts.AreaLevel;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.Role;

/**
 * The check-scope rules of the Jiangxi 2024 work plan: "(小区)社区体检的数量原则上不少于10个或不少于建成区社区总数的20%，
 * 街区体检的数量原则上不少于2个，社区和街区体检范围保持衔接", and what makes a submitted scope unreadable.
 *
 * <p>The built-up area (建成区) is approximated by the streets whose name ends with 街道: towns (镇) and
 * townships (乡) are rural. A scope needs at least 10 communities or at least 20% of the built-up
 * area's communities, whichever is smaller (so for a city with fewer than 50 built-up communities
 * the 20% decides), and never fewer than one; at least 2 blocks; and each community must lie in a
 * checked block.
 */
public final class CheckScopeRules {

    public static final int MIN_COMMUNITIES = 10;
    public static final int BUILT_UP_SHARE_PERCENT = 20;
    public static final int MIN_BLOCKS = 2;
    /** Streets whose name ends so are urban streets (街道), their communities the built-up area's. */
    public static final String BUILT_UP_STREET_SUFFIX = "街道";
    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2100;
    /** More entries than a province has communities in one city; guards the service, not the plan. */
    public static final int MAX_ENTRIES = 20_000;
    public static final int MAX_NOTE_LENGTH = 2_000;

    static final String COMMUNITIES = "communities";
    static final String BLOCKS = "blocks";

    private CheckScopeRules() {
    }

    /** At least 10, or at least 20% (rounded up) of the built-up area's communities: the smaller; at least 1. */
    public static int requiredCommunities(long builtUpCommunities) {
        long share = (builtUpCommunities * BUILT_UP_SHARE_PERCENT + 99) / 100;
        return (int) Math.max(1, Math.min(MIN_COMMUNITIES, share));
    }

    /**
     * Administrators write any city's scope; a city official only a city inside the token's areas
     * (area codes extend their parent's, so a subtree is a code prefix); nobody else.
     */
    public static boolean mayWrite(Set<Role> roles, List<String> areas, String cityCode) {
        if (roles.contains(Role.ADMINISTRATOR)) {
            return true;
        }
        return roles.contains(Role.CITY_OFFICIAL) && areas.stream().anyMatch(cityCode::startsWith);
    }

    /** The checks that need no area tree. @throws TijianException with the first problem */
    public static void checkRequest(int year, List<String> communities, List<String> blocks, String noteZh) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new TijianException(ScopeError.YEAR_OUT_OF_RANGE, year);
        }
        if (communities.isEmpty() && blocks.isEmpty()) {
            throw new TijianException(ScopeError.EMPTY_BODY);
        }
        if (communities.size() > MAX_ENTRIES) {
            throw new TijianException(ScopeError.TOO_MANY_ENTRIES, COMMUNITIES, communities.size(), MAX_ENTRIES);
        }
        if (blocks.size() > MAX_ENTRIES) {
            throw new TijianException(ScopeError.TOO_MANY_ENTRIES, BLOCKS, blocks.size(), MAX_ENTRIES);
        }
        if (noteZh != null && noteZh.length() > MAX_NOTE_LENGTH) {
            throw new TijianException(ScopeError.NOTE_TOO_LONG, noteZh.length(), MAX_NOTE_LENGTH);
        }
    }

    /** Entries without surrounding blanks; a missing list is empty. */
    public static List<String> normalize(List<String> entries) {
        if (entries == null) {
            return List.of();
        }
        List<String> normalized = new ArrayList<>(entries.size());
        for (String entry : entries) {
            normalized.add(entry == null ? null : entry.strip());
        }
        return normalized;
    }

    /**
     * Every bad entry of both lists, first problem per entry: empty, repeated, unknown in the tree, of
     * the wrong level (communities must be COMMUNITY, blocks STREET), or outside the city.
     *
     * @param tree what the tree says about the listed codes; a code missing from it is unknown
     */
    public static List<EntryProblem> entryProblems(String cityCode, List<String> communities, List<String> blocks,
            Map<String, ScopeArea> tree) {
        List<EntryProblem> problems = new ArrayList<>();
        check(COMMUNITIES, AreaLevel.COMMUNITY, cityCode, communities, tree, problems);
        check(BLOCKS, AreaLevel.STREET, cityCode, blocks, tree, problems);
        return problems;
    }

    private static void check(String list, AreaLevel expected, String cityCode, List<String> codes,
            Map<String, ScopeArea> tree, List<EntryProblem> problems) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || code.isEmpty()) {
                problems.add(EntryProblem.of(list, i, ScopeError.BLANK_ENTRY));
                continue;
            }
            Integer earlier = first.putIfAbsent(code, i);
            ScopeArea area = tree.get(code);
            if (earlier != null) {
                problems.add(EntryProblem.of(list, i, ScopeError.DUPLICATE_ENTRY, code, list + "[" + earlier + "]"));
            } else if (area == null) {
                problems.add(EntryProblem.of(list, i, ScopeError.UNKNOWN_AREA, code));
            } else if (area.level() != expected) {
                problems.add(EntryProblem.of(list, i, ScopeError.WRONG_LEVEL, code, area.level(), expected));
            } else if (!cityCode.equals(area.cityCode())) {
                problems.add(EntryProblem.of(list, i, ScopeError.OUTSIDE_CITY, code, cityCode));
            }
        }
    }

    /**
     * Checks a stored scope against the tree as it is now: entries that are no longer communities or
     * streets of the city are reported and not counted; then the three rules of the plan.
     *
     * @param tree what the tree says about the scope's codes
     * @param builtUpCommunities the number of the city's communities under streets named …街道
     */
    public static ScopeReport report(CheckScope scope, String cityNameZh, Map<String, ScopeArea> tree,
            long builtUpCommunities) {
        List<ScopeReport.Community> communities = new ArrayList<>();
        List<ScopeReport.Block> blocks = new ArrayList<>();
        List<ScopeViolation.Area> gone = new ArrayList<>();
        List<ScopeArea> validCommunities = new ArrayList<>();
        Set<String> validBlocks = new HashSet<>();
        for (String code : scope.communities()) {
            ScopeArea area = tree.get(code);
            communities.add(new ScopeReport.Community(code, area == null ? null : area.nameZh(),
                    area == null ? null : area.streetCode()));
            if (belongs(area, AreaLevel.COMMUNITY, scope.cityCode())) {
                validCommunities.add(area);
            } else {
                gone.add(new ScopeViolation.Area(code, area == null ? null : area.streetCode()));
            }
        }
        for (String code : scope.blocks()) {
            ScopeArea area = tree.get(code);
            blocks.add(new ScopeReport.Block(code, area == null ? null : area.nameZh()));
            if (belongs(area, AreaLevel.STREET, scope.cityCode())) {
                validBlocks.add(code);
            } else {
                gone.add(new ScopeViolation.Area(code, area == null ? null : area.streetCode()));
            }
        }

        int required = requiredCommunities(builtUpCommunities);
        List<ScopeViolation> violations = new ArrayList<>();
        if (!gone.isEmpty()) {
            violations.add(ScopeViolation.Kind.AREA_NO_LONGER_VALID.of(null, null, gone, gone.size()));
        }
        if (validCommunities.size() < required) {
            violations.add(ScopeViolation.Kind.TOO_FEW_COMMUNITIES.of(required, validCommunities.size(), List.of(),
                    validCommunities.size(), required, builtUpCommunities));
        }
        if (validBlocks.size() < MIN_BLOCKS) {
            violations.add(ScopeViolation.Kind.TOO_FEW_BLOCKS.of(MIN_BLOCKS, validBlocks.size(), List.of(),
                    validBlocks.size(), MIN_BLOCKS));
        }
        List<ScopeViolation.Area> outside = validCommunities.stream()
                .filter(community -> community.streetCode() == null || !validBlocks.contains(community.streetCode()))
                .map(community -> new ScopeViolation.Area(community.code(), community.streetCode()))
                .toList();
        if (!outside.isEmpty()) {
            violations.add(ScopeViolation.Kind.COMMUNITY_OUTSIDE_CHECKED_BLOCKS.of(null, null, outside, outside.size()));
        }
        return new ScopeReport(scope.cityCode(), cityNameZh, scope.year(), communities, blocks, scope.noteZh(),
                builtUpCommunities, required, MIN_BLOCKS, violations.isEmpty(), violations, scope.version(),
                scope.updatedBy(), scope.updatedAt());
    }

    private static boolean belongs(ScopeArea area, AreaLevel level, String cityCode) {
        return area != null && area.level() == level && cityCode.equals(area.cityCode());
    }
}
