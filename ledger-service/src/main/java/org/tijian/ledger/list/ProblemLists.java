package org.tijian.ledger.list;

import org.tijian.kit.export.ExportColumn;
import org.tijian.kit.export.ExportLanguage;
import org.tijian.kit.export.ExportTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tijian.contracts.Dimension;

/**
 * The two lists of a city's check as its reports print them (domain README, "Lists as users know them"), built from the
 * ledger's problems of one dimension:
 *
 * <ul>
 *   <li>问题清单 (problem list): 维度 · 序号 · 指标项 · 体检结果 · 单位 · 问题明细 · 问题分布/落位; the housing list adds
 *       问题楼栋数量 · 占比 · 楼栋号 · 小区 · 社区 · 街道 and has one row per indicator and compound, its problem buildings
 *       counted and their share of the compound's buildings given;</li>
 *   <li>整治建议清单 (suggestion list): 维度 · 序号 · 问题涉及的指标 · 指标结果 · 存在问题 · 整治建议 · 整治区域 ·
 *       整治类型 · 责任单位, grouped the same way.</li>
 * </ul>
 *
 * Rows are ordered by indicator code, then by location; 序号 counts from 1.
 */
public final class ProblemLists {

    static final List<ExportColumn> PROBLEM_COLUMNS = List.of(
            new ExportColumn("维度", "Dimension"), new ExportColumn("序号", "No."), new ExportColumn("指标项", "Indicator"),
            new ExportColumn("体检结果", "Result"), new ExportColumn("单位", "Unit"), new ExportColumn("问题明细", "Problem"),
            new ExportColumn("问题分布/落位", "Location"));

    static final List<ExportColumn> HOUSING_COLUMNS = List.of(
            new ExportColumn("问题楼栋数量", "Problem buildings"), new ExportColumn("占比", "Share of the compound"),
            new ExportColumn("楼栋号", "Buildings"), new ExportColumn("小区", "Compound"),
            new ExportColumn("社区", "Community"), new ExportColumn("街道", "Street"));

    static final List<ExportColumn> SUGGESTION_COLUMNS = List.of(
            new ExportColumn("维度", "Dimension"), new ExportColumn("序号", "No."),
            new ExportColumn("问题涉及的指标", "Indicator"), new ExportColumn("指标结果", "Result"),
            new ExportColumn("存在问题", "Problem"), new ExportColumn("整治建议", "Rectification suggestion"),
            new ExportColumn("整治区域", "Rectification area"), new ExportColumn("整治类型", "Class"),
            new ExportColumn("责任单位", "Responsible unit"));

    /** 问题清单 of one dimension. */
    public static ExportTable problemList(Dimension dimension, List<ListedProblem> problems, ExportLanguage language) {
        return problemList(title(dimension, language, "问题清单", "problem list"), dimension == Dimension.HOUSING,
                problems, language);
    }

    /** 专项问题清单 of a special check (专项体检) on one topic: its indicators' problems, whatever their dimension. */
    public static ExportTable specialProblemList(String topic, List<ListedProblem> problems, ExportLanguage language) {
        return problemList(special(topic, language, "专项问题清单", "special check problem list"), false, problems,
                language);
    }

    /** 专项整治建议清单 of a special check. */
    public static ExportTable specialSuggestionList(String topic, List<ListedProblem> problems, ExportLanguage language) {
        return suggestionList(special(topic, language, "专项整治建议清单", "special check suggestion list"), problems,
                language);
    }

    private static ExportTable problemList(String title, boolean housing, List<ListedProblem> problems,
            ExportLanguage language) {
        List<ExportColumn> columns = new ArrayList<>(PROBLEM_COLUMNS);
        if (housing) {
            columns.addAll(HOUSING_COLUMNS);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Group group : groups(problems)) {
            ListedProblem first = group.problems().get(0);
            List<Object> row = new ArrayList<>(List.of(dimensionName(first.dimension(), language), rows.size() + 1,
                    first.indicatorCode() + " " + first.indicatorNameZh()));
            if (group.buildings()) {
                row.add(group.problems().size());
                row.add(text(first.unit()));
                row.add(group.problems().size() + (language == ExportLanguage.EN ? " buildings: " : " 栋：")
                        + text(first.description()));
            } else {
                row.add(first.value());
                row.add(text(first.unit()));
                row.add(text(first.description()));
            }
            row.add(group.location());
            if (housing) {
                if (group.buildings()) {
                    row.add(group.problems().size());
                    row.add(share(group.problems().size(), first.compoundBuildings()));
                    row.add(String.join("、", group.problems().stream().map(ListedProblem::areaName).toList()));
                } else {
                    row.add(null);
                    row.add(null);
                    row.add(null);
                }
                row.add(first.compound());
                row.add(first.community());
                row.add(first.street());
            }
            rows.add(row);
        }
        return new ExportTable(title, columns, rows);
    }

    /** 整治建议清单 of one dimension. */
    public static ExportTable suggestionList(Dimension dimension, List<ListedProblem> problems, ExportLanguage language) {
        return suggestionList(title(dimension, language, "整治建议清单", "rectification suggestion list"), problems,
                language);
    }

    private static ExportTable suggestionList(String title, List<ListedProblem> problems, ExportLanguage language) {
        List<List<Object>> rows = new ArrayList<>();
        for (Group group : groups(problems)) {
            ListedProblem first = group.problems().get(0);
            String result = group.buildings()
                    ? group.problems().size() + (language == ExportLanguage.EN ? " buildings" : " 栋")
                    : number(first.value()) + text(first.unit()) + "（" + text(first.standard()) + "）";
            rows.add(new ArrayList<>(List.of(dimensionName(first.dimension(), language), rows.size() + 1,
                    first.indicatorCode() + " " + first.indicatorNameZh(), result, text(first.description()),
                    text(first.suggestion()),
                    group.buildings() || first.rectificationArea() == null ? group.location() : first.rectificationArea(),
                    language == ExportLanguage.EN ? first.rectificationClass().name()
                            : first.rectificationClass().nameZh(),
                    text(first.responsibleUnit()))));
        }
        return new ExportTable(title, SUGGESTION_COLUMNS, rows);
    }

    /** Problems of one indicator at the buildings of one compound form one group; any other problem is its own. */
    private record Group(boolean buildings, List<ListedProblem> problems) {

        String location() {
            ListedProblem first = problems.get(0);
            if (!buildings) {
                return first.location();
            }
            return String.join(" / ", nonBlank(first.street(), first.community(), first.compound()));
        }
    }

    private static List<Group> groups(List<ListedProblem> problems) {
        List<ListedProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(ListedProblem::indicatorCode).thenComparing(ListedProblem::areaCode));
        Map<String, Group> groups = new LinkedHashMap<>();
        for (ListedProblem p : sorted) {
            String key = p.building() && p.compoundCode() != null
                    ? p.indicatorCode() + "\u0000" + p.compoundCode()
                    : p.indicatorCode() + "\u0000" + p.areaCode() + "\u0000single";
            groups.computeIfAbsent(key, k -> new Group(p.building() && p.compoundCode() != null, new ArrayList<>()))
                    .problems().add(p);
        }
        return List.copyOf(groups.values());
    }

    /** The problem buildings' share of the compound's buildings, as users read it ("25%"). */
    private static String share(int failing, Long buildings) {
        if (buildings == null || buildings <= 0) {
            return null;
        }
        return BigDecimal.valueOf(failing * 100L).divide(BigDecimal.valueOf(buildings), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%";
    }

    private static String title(Dimension dimension, ExportLanguage language, String zh, String en) {
        return language == ExportLanguage.EN ? dimension.name().toLowerCase(java.util.Locale.ROOT) + " " + en
                : dimension.nameZh() + zh;
    }

    private static String special(String topic, ExportLanguage language, String zh, String en) {
        return language == ExportLanguage.EN ? en + " (" + topic + ")" : zh + "（" + topic + "）";
    }

    private static String dimensionName(Dimension dimension, ExportLanguage language) {
        return language == ExportLanguage.EN ? dimension.name() : dimension.nameZh();
    }

    private static List<String> nonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part);
            }
        }
        return kept;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private ProblemLists() {
    }
}
