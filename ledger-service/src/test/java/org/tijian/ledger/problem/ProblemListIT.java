package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import tools.jackson.databind.JsonNode;

/** The problem and suggestion lists of a compound's ledger through HTTP: XLSX and CSV, scope, bad requests. */
class ProblemListIT extends LedgerIntegrationTest {

    private static final int YEAR = 2031;

    @Test
    void aCompoundsHousingListsGroupItsProblemBuildingsPerIndicatorInXlsxAndCsv() throws Exception {
        // given: a compound of four buildings; gas hazards at buildings 1 and 3, a structural hazard at building 2
        // a street of its own (district 360199 does not exist in Jiangxi): other tests name the real streets
        String compound = "360199902" + newCompound().substring(9);
        String community = compound.substring(0, 12);
        sql("insert into area_copy (code, name_zh, level, parent_code) values "
                + "('360199902', '京东镇', 'STREET', '360199'), "
                + "('" + community + "', '京东社区', 'COMMUNITY', '360199902'), "
                + "('" + compound + "', '阳光小区', 'COMPOUND', '" + community + "'), "
                + "('" + compound + "001', '1栋', 'BUILDING', '" + compound + "'), "
                + "('" + compound + "002', '2栋', 'BUILDING', '" + compound + "'), "
                + "('" + compound + "003', '3栋', 'BUILDING', '" + compound + "'), "
                + "('" + compound + "004', '4栋', 'BUILDING', '" + compound + "') on conflict do nothing");
        deliver(hazard(compound + "001", "H02", "存在燃气安全隐患的住宅数量", "燃气管道老化"));
        deliver(hazard(compound + "003", "H02", "存在燃气安全隐患的住宅数量", "燃气管道老化"));
        deliver(hazard(compound + "002", "H01", "存在结构安全隐患的住宅数量", "承重墙开裂"));
        awaitProblem(compound + "001", YEAR, "H02");
        awaitProblem(compound + "003", YEAR, "H02");
        JsonNode structural = awaitProblem(compound + "002", YEAR, "H01");

        // when
        byte[] xlsx = as("nanchang-official").get()
                .uri("/api/ledger/lists/problems?checkYear={y}&dimension=HOUSING&areaCode={a}&format=xlsx", YEAR, compound)
                .exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectHeader().valueMatches("Content-Disposition", "attachment; .*filename\\*=UTF-8''%E4%BD%8F%E6%88%BF.+\\.xlsx")
                .expectBody().returnResult().getResponseBody();

        // then
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly("维度", "序号", "指标项", "体检结果", "单位", "问题明细",
                    "问题分布/落位", "问题楼栋数量", "占比", "楼栋号", "小区", "社区", "街道");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(cells(sheet.getRow(1))).containsExactly("住房", "1", "H01 存在结构安全隐患的住宅数量", "1", "栋",
                    "1 栋：" + structural.get("description").asString(), "京东镇 / 京东社区 / 阳光小区", "1", "25%", "2栋",
                    "阳光小区", "京东社区", "京东镇");
            List<String> gas = cells(sheet.getRow(2));
            assertThat(gas.subList(0, 4)).containsExactly("住房", "2", "H02 存在燃气安全隐患的住宅数量", "2");
            assertThat(gas.subList(7, 13)).containsExactly("2", "50%", "1栋、3栋", "阳光小区", "京东社区", "京东镇");
        }

        String csv = new String(as("admin").get()
                .uri("/api/ledger/lists/suggestions?checkYear={y}&dimension=HOUSING&areaCode={a}&format=csv", YEAR, compound)
                .exchange().expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("\uFEFF维度,序号,问题涉及的指标,指标结果,存在问题,整治建议,整治区域,整治类型,责任单位");
        String expectedClass = RectificationClass.valueOf(structural.get("rectificationClass").asString()).nameZh();
        assertThat(lines[1]).startsWith("住房,1,H01 存在结构安全隐患的住宅数量,1 栋,")
                .contains(",京东镇 / 京东社区 / 阳光小区," + expectedClass + ",");

        byte[] special = as("nanchang-official").get()
                .uri("/api/ledger/lists/problems?checkYear={y}&indicators=H01&topic=结构安全&areaCode={a}", YEAR, compound)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(special))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("专项问题清单（结构安全）");
            assertThat(cells(sheet.getRow(0))).hasSize(7);
            assertThat(sheet.getLastRowNum()).as("only H01's problem").isEqualTo(1);
            assertThat(cells(sheet.getRow(1)).get(2)).isEqualTo("H01 存在结构安全隐患的住宅数量");
        }

        String english = new String(as("admin").get()
                .uri("/api/ledger/lists/problems?checkYear={y}&dimension=HOUSING&areaCode={a}&format=csv&lang=en", YEAR,
                        compound)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(english).startsWith("\uFEFFDimension,No.,Indicator,Result,Unit,Problem,Location,Problem buildings");
    }

    @Test
    void theListsAreReadOnlyWithinOnesOwnAreasAndRefuseBadQueries() {
        String compound = newCompound();
        // an official of another district (东湖区 360102)
        as("donghu-official").get()
                .uri("/api/ledger/lists/problems?checkYear={y}&dimension=HOUSING&areaCode={a}", YEAR, compound)
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4012");
        // a department that submits data
        as("housing-dept").get()
                .uri("/api/ledger/lists/problems?checkYear={y}&dimension=HOUSING&areaCode={a}", YEAR, compound)
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4011");
        anonymous().get().uri("/api/ledger/lists/problems?checkYear={y}&dimension=HOUSING", YEAR)
                .exchange().expectStatus().isUnauthorized();
        for (String query : List.of("dimension=HOUSING", "checkYear=2031", "checkYear=2031&dimension=SPACE",
                "checkYear=2031&indicators=,", "checkYear=2031&indicators=H01;drop",
                "checkYear=2031&dimension=HOUSING&format=pdf", "checkYear=2031&dimension=HOUSING&areaCode=36x")) {
            as("admin").get().uri("/api/ledger/lists/problems?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json")
                    .expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4014");
        }
        as("admin").get().uri("/api/ledger/lists/projects?checkYear=2031&dimension=HOUSING").exchange()
                .expectStatus().isBadRequest();
    }

    private static IndicatorEvaluated hazard(String building, String indicator, String name, String detail) {
        return new IndicatorEvaluated(UUID.randomUUID(), 1, YEAR, building, indicator, name, Dimension.HOUSING,
                BigDecimal.ONE, "栋", Verdict.FAIL, "= 0", BigDecimal.ONE, "1 > 0", RectificationClass.BEST_EFFORT,
                List.of(UUID.randomUUID()), Instant.now(), AreaLevel.BUILDING, AreaLevel.BUILDING, 1L, 1L, 1L, List.of(),
                null, 1, detail, "MAJOR");
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
