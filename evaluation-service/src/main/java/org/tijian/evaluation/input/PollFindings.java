package org.tijian.evaluation.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.evaluation.result.ResultInputs.ReportedFinding;
import org.tijian.evaluation.result.ResultKey;

/**
 * A poll's own findings reduced as the store reduces all of a key's findings: per finding type the highest revision
 * (then the latest report), each finding once however often it was delivered, ordered by finding type.
 */
final class PollFindings {

    /** Orders a key's versions of one finding type: the first is current. */
    private static final Comparator<FindingReported> CURRENT_FIRST = Comparator
            .comparingInt(FindingReported::revision).thenComparing(FindingReported::reportedAt).reversed();

    private PollFindings() {
    }

    /** @param withdrawn keys with a finding withdrawal in the poll: left out (their findings are read back) */
    static Map<ResultKey, List<ReportedFinding>> current(List<FindingReported> findings, Set<ResultKey> withdrawn) {
        Map<ResultKey, Map<String, FindingReported>> byKeyAndType = new LinkedHashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (FindingReported f : findings) {
            ResultKey key = new ResultKey(f.checkYear(), f.indicatorCode(), f.areaCode());
            if (withdrawn.contains(key) || !seen.add(f.findingId())) {
                continue;
            }
            byKeyAndType.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(type(f), f,
                    (a, b) -> CURRENT_FIRST.compare(a, b) <= 0 ? a : b);
        }
        Map<ResultKey, List<ReportedFinding>> current = new LinkedHashMap<>();
        byKeyAndType.forEach((key, byType) -> {
            List<ReportedFinding> list = new ArrayList<>(byType.size());
            byType.values().forEach(f -> list.add(new ReportedFinding(f.findingId(), type(f), f.severity(),
                    f.descriptionZh())));
            list.sort(Comparator.comparing(ReportedFinding::findingType));
            current.put(key, List.copyOf(list));
        });
        return current;
    }

    /** As the inbox stores it: a finding without a type has the empty one. */
    static String type(FindingReported f) {
        return f.findingType() == null ? "" : f.findingType();
    }
}
