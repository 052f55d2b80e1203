package org.tijian.projects.library;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tijian.projects.drafting.DraftingPolicy;
import org.tijian.projects.project.Project;
import org.tijian.projects.project.ProjectStatus;

/**
 * The library as users know it (项目库): one row per project not cancelled, in the library's order, with the
 * columns 项目类型 · 项目名称 · 项目位置 · 建设内容 · 规模 · 投资估算 · 预期效果 · 责任部门 · 建设时序.
 */
public record LibraryTable(List<String> headers, List<List<String>> rows) {

    public static final List<String> HEADERS_ZH = List.of("项目类型", "项目名称", "项目位置", "建设内容", "规模", "投资估算",
            "预期效果", "责任部门", "建设时序");
    public static final List<String> HEADERS_EN = List.of("Project type", "Project name", "Location",
            "Construction content", "Scale", "Investment estimate", "Expected effect", "Responsible department",
            "Schedule");

    /**
     * @param areaNames area code → name (the code when unknown)
     * @param departmentNames department code → name
     */
    public static LibraryTable of(List<Project> projects, boolean english, Map<String, String> areaNames,
            UnaryOperator<String> departmentNames) {
        List<List<String>> rows = projects.stream()
                .filter(p -> p.status() != ProjectStatus.CANCELLED)
                .map(p -> List.of(
                        english ? p.type().nameEn() : p.type().nameZh(),
                        p.name(),
                        String.join("、", p.areaCodes().stream().map(a -> areaNames.getOrDefault(a, a)).toList()),
                        text(p.constructionContent()),
                        text(p.scale()),
                        investment(p),
                        text(p.expectedEffect()),
                        text(departmentNames.apply(p.department())),
                        p.schedule()))
                .toList();
        return new LibraryTable(english ? HEADERS_EN : HEADERS_ZH, rows);
    }

    /** {@code 432 万元（36 栋 × 12 万元/栋 = 432 万元）}, or the calculation alone when there is no amount. */
    static String investment(Project p) {
        if (p.investmentWan() == null) {
            return text(p.estimate());
        }
        String amount = DraftingPolicy.plain(p.investmentWan()) + " 万元";
        return p.estimate() == null || p.estimate().isBlank() ? amount : amount + "（" + p.estimate() + "）";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
