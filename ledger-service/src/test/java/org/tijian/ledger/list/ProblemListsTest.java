package org.tijian.ledger.list;

import org.tijian.kit.export.ExportColumn;
import org.tijian.kit.export.ExportLanguage;
import org.tijian.kit.export.ExportTable;
import org.tijian.kit.export.TableFiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;

class ProblemListsTest {

    /** Three gas-hazard buildings, two in compound 阳光小区 (8 buildings), one in 翠苑 (unknown size); a street's gap. */
    private final List<ListedProblem> housing = List.of(
            building("H02", "360102001001001003", "3栋", "360102001001001", "阳光小区", 8L),
            building("H02", "360102001001001001", "1栋", "360102001001001", "阳光小区", 8L),
            building("H02", "360102001001002005", "5栋", "360102001001002", "翠苑", null),
            building("H01", "360102001001001002", "2栋", "360102001001001", "阳光小区", 8L));

    @Test
    void theHousingProblemListGroupsProblemBuildingsPerIndicatorAndCompoundWithCountsAndShares() {
        ExportTable list = ProblemLists.problemList(Dimension.HOUSING, housing, ExportLanguage.ZH);

        assertThat(list.title()).isEqualTo("住房问题清单");
        assertThat(list.columns()).extracting(ExportColumn::zh).containsExactly("维度", "序号", "指标项", "体检结果", "单位",
                "问题明细", "问题分布/落位", "问题楼栋数量", "占比", "楼栋号", "小区", "社区", "街道");
        assertThat(list.rows()).hasSize(3);
        // H01 before H02; within H02 阳光小区 (…001) before 翠苑 (…002)
        assertThat(list.rows().get(0)).containsExactly("住房", 1, "H01 存在结构安全隐患的住宅数量", 1, "栋",
                "1 栋：入户排查发现隐患", "洪都街道 / 东湖社区 / 阳光小区", 1, "12.5%", "2栋", "阳光小区", "东湖社区", "洪都街道");
        assertThat(list.rows().get(1)).containsExactly("住房", 2, "H02 存在燃气安全隐患的住宅数量", 2, "栋",
                "2 栋：入户排查发现隐患", "洪都街道 / 东湖社区 / 阳光小区", 2, "25%", "1栋、3栋", "阳光小区", "东湖社区",
                "洪都街道");
        assertThat(list.rows().get(2).get(7)).isEqualTo(1);
        assertThat(list.rows().get(2).get(8)).as("share of a compound of unknown size").isNull();
    }

    @Test
    void anAreaProblemIsOneRowWithItsValueAndTheSuggestionListCarriesClassAndUnit() {
        ListedProblem street = new ListedProblem(Dimension.BLOCK, "B04", "公共活动空间服务覆盖率", new BigDecimal("62.50"), "%",
                ">= 70", "公共活动空间服务覆盖率 62.5%，未达到 70%", RectificationClass.BEST_EFFORT, "增设口袋公园",
                null, "市城管局", AreaLevel.STREET, "360102001", "洪都街道", "洪都街道", null, null, null, null);

        ExportTable problems = ProblemLists.problemList(Dimension.BLOCK, List.of(street), ExportLanguage.ZH);
        assertThat(problems.columns()).hasSize(7);
        assertThat(problems.rows().get(0)).containsExactly("街区", 1, "B04 公共活动空间服务覆盖率", new BigDecimal("62.50"), "%",
                "公共活动空间服务覆盖率 62.5%，未达到 70%", "洪都街道");

        ExportTable suggestions = ProblemLists.suggestionList(Dimension.BLOCK, List.of(street), ExportLanguage.ZH);
        assertThat(suggestions.title()).isEqualTo("街区整治建议清单");
        assertThat(suggestions.columns()).extracting(ExportColumn::zh).containsExactly("维度", "序号", "问题涉及的指标",
                "指标结果", "存在问题", "整治建议", "整治区域", "整治类型", "责任单位");
        assertThat(suggestions.rows().get(0)).containsExactly("街区", 1, "B04 公共活动空间服务覆盖率", "62.5%（>= 70）",
                "公共活动空间服务覆盖率 62.5%，未达到 70%", "增设口袋公园", "洪都街道", "尽力解决", "市城管局");
    }

    @Test
    void englishHeadersOnRequest() {
        ExportTable list = ProblemLists.suggestionList(Dimension.HOUSING, housing, ExportLanguage.EN);
        assertThat(list.columns().get(0).header(ExportLanguage.EN)).isEqualTo("Dimension");
        assertThat(list.rows().get(0).get(7)).isEqualTo("TIME_LIMITED");
        assertThat(list.rows().get(0).get(3)).isEqualTo("1 buildings");
    }

    @Test
    void theXlsxOpensWithChineseHeadersAndTheRows() throws Exception {
        ExportTable list = ProblemLists.problemList(Dimension.HOUSING, housing, ExportLanguage.ZH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableFiles.write(list, ExportLanguage.ZH, TableFiles.Format.XLSX, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("住房问题清单");
            assertThat(cells(sheet.getRow(0))).containsExactly("维度", "序号", "指标项", "体检结果", "单位", "问题明细",
                    "问题分布/落位", "问题楼栋数量", "占比", "楼栋号", "小区", "社区", "街道");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(cells(sheet.getRow(2))).containsExactly("住房", "2", "H02 存在燃气安全隐患的住宅数量", "2", "栋",
                    "2 栋：入户排查发现隐患", "洪都街道 / 东湖社区 / 阳光小区", "2", "25%", "1栋、3栋", "阳光小区", "东湖社区",
                    "洪都街道");
        }
    }

    @Test
    void theCsvStartsWithAByteOrderMarkAndQuotesWhatNeedsIt() {
        ExportTable table = new ExportTable("t", List.of(new ExportColumn("问题明细", "Problem"), new ExportColumn("值", "Value")),
                List.of(List.of("漏水, \"严重\"", new BigDecimal("64.00")), java.util.Arrays.asList("多行\n文字", null)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableFiles.write(table, ExportLanguage.ZH, TableFiles.Format.CSV, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFF问题明细,值\r\n\"漏水, \"\"严重\"\"\",64\r\n\"多行\n文字\",\r\n");
    }

    private static ListedProblem building(String indicator, String code, String name, String compoundCode,
            String compound, Long compoundBuildings) {
        String indicatorName = indicator.equals("H01") ? "存在结构安全隐患的住宅数量" : "存在燃气安全隐患的住宅数量";
        return new ListedProblem(Dimension.HOUSING, indicator, indicatorName, BigDecimal.ONE, "栋", "= 0",
                "入户排查发现隐患", RectificationClass.TIME_LIMITED, "更换燃气管道", null, "市住建局", AreaLevel.BUILDING, code,
                name, "洪都街道", "东湖社区", compound, compoundCode, compoundBuildings);
    }

    private static List<String> cells(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
        }
        return cells;
    }
}
