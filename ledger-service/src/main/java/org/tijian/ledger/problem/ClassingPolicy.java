package org.tijian.ledger.problem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tijian.contracts.RectificationClass;

/**
 * How a new problem is classed (限时解决 / 尽力解决) and when a TIME_LIMITED problem is due. Bound from
 * {@code tijian.ledger.classing} (see docs/ledger.md); nulls take the defaults below.
 *
 * @param safetySeverities finding severities that make a problem a safety or health finding (default MAJOR, SEVERE)
 * @param safetyIndicators indicators whose failures are always safety or health findings
 * @param safetyCategoryWords words in the indicator's category (分类) that mark safety or health, e.g. 安全耐久 (default
 *     none: the catalog's default classes already make 安全耐久 TIME_LIMITED, and 安全韧性 holds BEST_EFFORT indicators)
 * @param complaintThreshold complaints for the area and topic (群众反映强烈) at or above which a problem is TIME_LIMITED
 * @param indicatorTopics the public-feedback topic each indicator's problems belong to, e.g. {@code C08: PARKING}
 * @param defaultDeadlineDays days from identification to the deadline of a TIME_LIMITED problem
 * @param deadlineDays per indicator, overriding {@code defaultDeadlineDays}
 */
public record ClassingPolicy(
        Set<String> safetySeverities,
        Set<String> safetyIndicators,
        List<String> safetyCategoryWords,
        Long complaintThreshold,
        Map<String, String> indicatorTopics,
        Integer defaultDeadlineDays,
        Map<String, Integer> deadlineDays) {

    public ClassingPolicy {
        safetySeverities = safetySeverities == null ? Set.of("MAJOR", "SEVERE") : Set.copyOf(safetySeverities);
        safetyIndicators = safetyIndicators == null ? Set.of() : Set.copyOf(safetyIndicators);
        safetyCategoryWords = safetyCategoryWords == null ? List.of() : List.copyOf(safetyCategoryWords);
        complaintThreshold = complaintThreshold == null ? 50L : complaintThreshold;
        indicatorTopics = indicatorTopics == null ? Map.of() : Map.copyOf(indicatorTopics);
        defaultDeadlineDays = defaultDeadlineDays == null ? 90 : defaultDeadlineDays;
        deadlineDays = deadlineDays == null ? Map.of() : Map.copyOf(deadlineDays);
    }

    public static ClassingPolicy defaults() {
        return new ClassingPolicy(null, null, null, null, null, null, null);
    }

    /** The class a problem gets and why. */
    public record Decision(RectificationClass rectificationClass, String reason) {
    }

    /**
     * @param categoryZh the indicator's category from the ledger's catalog copy, null if unknown
     * @param complaints complaints reported for the problem's area (or an area above it) and the indicator's topic
     */
    public Decision decide(String indicatorCode, RectificationClass defaultClass, String severity, String categoryZh,
            long complaints) {
        if (severity != null && safetySeverities.contains(severity)) {
            return new Decision(RectificationClass.TIME_LIMITED, "SAFETY_SEVERITY:" + severity);
        }
        if (safetyIndicators.contains(indicatorCode)) {
            return new Decision(RectificationClass.TIME_LIMITED, "SAFETY_INDICATOR");
        }
        if (categoryZh != null && safetyCategoryWords.stream().anyMatch(categoryZh::contains)) {
            return new Decision(RectificationClass.TIME_LIMITED, "SAFETY_CATEGORY:" + categoryZh);
        }
        if (topicOf(indicatorCode) != null && complaints >= complaintThreshold) {
            return new Decision(RectificationClass.TIME_LIMITED, "COMPLAINTS:" + complaints);
        }
        RectificationClass chosen = defaultClass == null ? RectificationClass.BEST_EFFORT : defaultClass;
        return new Decision(chosen, "INDICATOR_DEFAULT");
    }

    /** The public-feedback topic of an indicator's problems, or null if complaints do not bear on it. */
    public String topicOf(String indicatorCode) {
        return indicatorTopics.get(indicatorCode);
    }

    /** The indicators whose problems belong to a public-feedback topic. */
    public List<String> indicatorsOf(String topic) {
        return indicatorTopics.entrySet().stream().filter(e -> e.getValue().equals(topic)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** The deadline a problem of this class gets when it is identified on {@code day}: none for BEST_EFFORT. */
    public LocalDate deadline(String indicatorCode, RectificationClass rectificationClass, LocalDate day) {
        if (rectificationClass != RectificationClass.TIME_LIMITED) {
            return null;
        }
        return day.plusDays(deadlineDays.getOrDefault(indicatorCode, defaultDeadlineDays));
    }
}
