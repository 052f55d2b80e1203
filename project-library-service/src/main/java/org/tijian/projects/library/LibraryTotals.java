package org.tijian.projects.library;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.tijian.projects.project.Project;
import org.tijian.projects.project.ProjectStatus;

/**
 * Totals of the library (projects not cancelled): count, investment (万元) and completed count by 项目类型, by 责任部门
 * and by library year, and overall.
 */
public record LibraryTotals(Line total, List<Line> byType, List<Line> byDepartment, List<Line> byYear) {

    /**
     * @param progress progress in percent of the group, weighted by investment when any project has an estimate,
     *     else the plain average
     */
    public record Line(String key, String name, long projects, BigDecimal investmentWan, long completed,
            BigDecimal progress) {
    }

    public static LibraryTotals of(List<Project> projects, UnaryOperator<String> departmentNames) {
        List<Project> counted = projects.stream().filter(p -> p.status() != ProjectStatus.CANCELLED).toList();
        return new LibraryTotals(line("ALL", "合计", counted),
                group(counted, p -> p.type().name(), key -> org.tijian.projects.project.ProjectType.valueOf(key).nameZh()),
                group(counted, p -> p.department() == null ? "" : p.department(), departmentNames::apply),
                group(counted, p -> String.valueOf(p.planYear()), key -> key + "年度"));
    }

    private static List<Line> group(List<Project> projects, Function<Project, String> key,
            Function<String, String> name) {
        Map<String, List<Project>> groups = new TreeMap<>();
        projects.forEach(p -> groups.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p));
        return groups.entrySet().stream().map(e -> line(e.getKey(), name.apply(e.getKey()), e.getValue())).toList();
    }

    private static Line line(String key, String name, List<Project> projects) {
        BigDecimal investment = projects.stream().map(Project::investmentWan).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long completed = projects.stream().filter(p -> p.status() == ProjectStatus.COMPLETED).count();
        BigDecimal progress = BigDecimal.ZERO;
        if (!projects.isEmpty()) {
            boolean weighted = investment.signum() > 0;
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (Project p : projects) {
                BigDecimal weight = weighted ? (p.investmentWan() == null ? BigDecimal.ZERO : p.investmentWan())
                        : BigDecimal.ONE;
                sum = sum.add(p.progress().multiply(weight));
                weights = weights.add(weight);
            }
            progress = weights.signum() == 0 ? BigDecimal.ZERO : sum.divide(weights, 1, RoundingMode.HALF_UP);
        }
        return new Line(key, name, projects.size(), investment, completed, progress);
    }
}
