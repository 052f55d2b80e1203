package org.tijian.projects.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tijian.contracts.RectificationClass;
import org.tijian.projects.ProjectsIntegrationTest;
import tools.jackson.databind.JsonNode;

class LibraryIT extends ProjectsIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private byte[] download(String uri, Object... variables) {
        return as("nanchang-official").get().uri(uri, variables).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
    }

    @Test
    void theLibraryExportsAsXlsxAndCsvWithChineseHeadersOrEnglishAndAddsUpByTypeDepartmentAndYear() throws Exception {
        String street = newStreet();
        String community = street + "001";
        deliver(identified("H02", building(street, 1, 1), "1", RectificationClass.TIME_LIMITED));
        deliver(identified("H02", building(street, 1, 2), "1", RectificationClass.BEST_EFFORT));
        deliver(identified("C08", community + "001", "120", RectificationClass.BEST_EFFORT));
        deliver(identified("C08", community + "002", "300", RectificationClass.BEST_EFFORT));
        awaitProblems(street, 4);

        List<List<String>> sheet = LibraryFilesTest.sheet(download(
                "/api/projects/library.xlsx?planYear=2026&areaCode={a}", street));

        assertThat(sheet.get(0)).containsExactly("项目类型", "项目名称", "项目位置", "建设内容", "规模", "投资估算", "预期效果",
                "责任部门", "建设时序");
        assertThat(sheet).hasSize(3);
        // TIME_LIMITED first
        assertThat(sheet.get(1)).containsExactly("设施建设", street + "燃气管道老化更新改造项目", street,
                "对" + street + "2 栋存在燃气安全隐患的住宅楼栋实施燃气管道及设施更新改造", "2 栋",
                "24 万元（2 栋 × 12 万元/栋 = 24 万元）", "H02 −2", "市住房和城乡建设局", "2026");
        assertThat(sheet.get(2)).containsExactly("设施建设", community + "停车设施补短板项目", community,
                "在" + community + "相邻小区统筹新建、改建停车位 420 个车位，缓解停车缺口", "420 个车位",
                "1470 万元（420 个车位 × 3.5 万元/个车位 = 1470 万元）", "C08 −420", "市城市管理局", "2026—2027");

        byte[] csv = download("/api/projects/library.csv?planYear=2026&areaCode={a}", street);
        assertThat(new byte[] {csv[0], csv[1], csv[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("项目类型,项目名称,项目位置,建设内容,规模,投资估算,预期效果,责任部门,建设时序\r\n");
        assertThat(text.split("\r\n")).hasSize(3);
        String english = new String(download("/api/projects/library.csv?planYear=2026&areaCode={a}&lang=en", street),
                StandardCharsets.UTF_8);
        assertThat(english).contains("Project type,Project name,Location").contains("Facility construction");
        List<List<String>> englishSheet = LibraryFilesTest.sheet(download(
                "/api/projects/library.xlsx?planYear=2026&areaCode={a}&lang=en", street));
        assertThat(englishSheet.get(0).get(8)).isEqualTo("Schedule");

        JsonNode totals = get("nanchang-official", "/api/projects/library/totals?planYear=2026&areaCode={a}", street);
        assertThat(totals.get("total").get("projects").asInt()).isEqualTo(2);
        assertThat(totals.get("total").get("investmentWan").decimalValue()).isEqualByComparingTo("1494");
        assertThat(totals.get("byType")).hasSize(1);
        assertThat(totals.get("byType").get(0).get("name").asString()).isEqualTo("设施建设");
        assertThat(totals.get("byDepartment")).hasSize(2);
        assertThat(totals.get("byDepartment").get(0).get("key").asString()).isEqualTo("housing");
        assertThat(totals.get("byDepartment").get(0).get("investmentWan").decimalValue()).isEqualByComparingTo("24");
        assertThat(totals.get("byYear").get(0).get("key").asString()).isEqualTo("2026");
    }

    @Test
    void gaugesCountProjectsByStatusAndTypeAndAddUpTheInvestment() {
        String street = newStreet();
        deliver(identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT));
        awaitProblems(street, 1);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.get("tijian.projects.projects").tag("status", "DRAFT")
                    .tag("type", "FACILITY_CONSTRUCTION").gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(meters.get("tijian.projects.investment.total").gauge().value()).isGreaterThanOrEqualTo(12);
        });
        assertThat(meters.get("tijian.projects.changes").tag("action", "DRAFTED").counter().count())
                .isGreaterThanOrEqualTo(1);
    }
}
