package org.tijian.evaluation.scope;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One way a stored scope breaks the work plan's rules (see {@link CheckScopeRules}). The scope is
 * kept; the violation is reported for the city to fix.
 *
 * @param required the rule's minimum, for the counting rules; null otherwise
 * @param actual the scope's number, for the counting rules; null otherwise
 * @param areas the offending entries, for the rules about single areas
 */
public record ScopeViolation(String code, String messageZh, String messageEn, Integer required, Integer actual,
        List<Area> areas) {

    public ScopeViolation {
        areas = List.copyOf(areas);
    }

    /** An offending entry; {@code streetCode} is the street it lies in (null when none). */
    public record Area(String code, String streetCode) {
    }

    /** The rules of the 2024 work plan, with the messages users see. */
    public enum Kind {
        TOO_FEW_COMMUNITIES("SCOPE_TOO_FEW_COMMUNITIES",
                "抽取社区 {0} 个，少于要求的 {1} 个（原则上不少于 10 个或不少于建成区社区总数 {2} 个的 20%）",
                "Communities checked: {0}, fewer than the required {1} (at least 10, or 20% of the {2} communities"
                        + " of the built-up area)"),
        TOO_FEW_BLOCKS("SCOPE_TOO_FEW_BLOCKS",
                "抽取街区 {0} 个，少于要求的 {1} 个",
                "Blocks checked: {0}, fewer than the required {1}"),
        COMMUNITY_OUTSIDE_CHECKED_BLOCKS("SCOPE_COMMUNITY_OUTSIDE_CHECKED_BLOCKS",
                "{0} 个社区不在抽取的街区内：社区和街区体检范围应保持衔接",
                "Communities outside the checked blocks: {0}; the community and block scopes must overlap"),
        AREA_NO_LONGER_VALID("SCOPE_AREA_NO_LONGER_VALID",
                "{0} 个区域在当前区域树中已不是本市的社区或街道，未计入",
                "Areas that are no longer communities or streets of this city in the current area tree, not counted:"
                        + " {0}");

        private final String code;
        private final String messageZh;
        private final String messageEn;

        Kind(String code, String messageZh, String messageEn) {
            this.code = code;
            this.messageZh = messageZh;
            this.messageEn = messageEn;
        }

        public String code() {
            return code;
        }

        ScopeViolation of(Integer required, Integer actual, List<Area> areas, Object... arguments) {
            return new ScopeViolation(code, format(messageZh, arguments), format(messageEn, arguments), required,
                    actual, areas);
        }

        private static String format(String pattern, Object[] arguments) {
            Object[] texts = Arrays.stream(arguments).map(String::valueOf).toArray();
            return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(texts);
        }
    }
}
