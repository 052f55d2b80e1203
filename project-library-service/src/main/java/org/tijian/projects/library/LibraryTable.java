package org.tijian.projects.library;

import org.tijian.kit.export.ExportColumn;
import org.tijian.kit.export.ExportTable;
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
public final class LibraryTable {

    public static final List<ExportColumn> COLUMNS = List.of(new ExportColumn("项目类型", "Project type"),
            new ExportColumn("项目名称", "Project name"), new ExportColumn("项目位置", "Location"),
            new ExportColumn("建设内容", "Construction content"), new ExportColumn("规模", "Scale"),
            new ExportColumn("投资估算", "Investment estimate"), new ExportColumn("预期效果", "Expected effect"),
            new ExportColumn("责任部门", "Responsible department"), new ExportColumn("建设时序", "Schedule"));

    /**
     * @param areaNames area code → name (the code when unknown)
     * @param departmentNames department code → name
     * @param title the sheet's name, e.g. {@code 2026年度项目库}
     */
    public static ExportTable of(List<Project> projects, boolean english, Map<String, String> areaNames,
            UnaryOperator<String> departmentNames, String title) {
        List<List<Object>> rows = projects.stream()
                .filter(p -> p.status() != ProjectStatus.CANCELLED)
                .map(p -> List.<Object>of(
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
        return new ExportTable(title, COLUMNS, rows);
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

    private LibraryTable() {
    }
}
