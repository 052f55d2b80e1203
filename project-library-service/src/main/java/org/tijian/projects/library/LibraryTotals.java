package org.tijian.projects.library;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.tijian.projects.project.ProjectSums;
import org.tijian.projects.project.ProjectType;

/**
 * Totals of the library (projects not cancelled): count, investment (万元) and completed count by 项目类型, by 责任部门
 * and by library year, and overall. Summed by the database (R2dbcProjectStore.sums): a province's library is tens of
 * thousands of projects.
 */
public record LibraryTotals(Line total, List<Line> byType, List<Line> byDepartment, List<Line> byYear) {

    /**
     * @param progress progress in percent of the group, weighted by investment when any project has an estimate,
     *     else the plain average
     */
    public record Line(String key, String name, long projects, BigDecimal investmentWan, long completed,
            BigDecimal progress) {
    }

    /** From the store's sums (one line a group); a library without projects has zero lines of each. */
    public static LibraryTotals of(List<ProjectSums> sums, UnaryOperator<String> departmentNames) {
        Line total = sums.stream().filter(s -> s.grouping().equals("ALL")).findFirst()
                .map(s -> line(s, "ALL", "合计"))
                .orElseGet(() -> new Line("ALL", "合计", 0, BigDecimal.ZERO, 0, BigDecimal.ZERO));
        return new LibraryTotals(total,
                group(sums, "TYPE", key -> ProjectType.valueOf(key).nameZh()),
                group(sums, "DEPARTMENT", departmentNames),
                group(sums, "YEAR", key -> key + "年度"));
    }

    private static List<Line> group(List<ProjectSums> sums, String grouping, Function<String, String> name) {
        Map<String, Line> lines = new TreeMap<>();
        sums.stream().filter(s -> s.grouping().equals(grouping))
                .forEach(s -> lines.put(s.key(), line(s, s.key(), name.apply(s.key()))));
        return List.copyOf(lines.values());
    }

    private static Line line(ProjectSums sums, String key, String name) {
        return new Line(key, name, sums.projects(), sums.investmentWan(), sums.completed(), sums.progress());
    }
}
