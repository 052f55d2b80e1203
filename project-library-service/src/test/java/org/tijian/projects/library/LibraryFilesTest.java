package org.tijian.projects.library;

import org.tijian.kit.export.ExportLanguage;
import org.tijian.kit.export.ExportTable;
import org.tijian.kit.export.TableFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tijian.projects.project.Projects;

class LibraryFilesTest {

    static List<List<String>> sheet(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.getStringCellValue()));
                rows.add(cells);
            }
            return rows;
        }
    }

    @Test
    void xlsxHasTheChineseHeadersAndOneRowPerProject() throws IOException {
        ExportTable table = LibraryTable.of(List.of(Projects.draft()), false, Map.of("360111001001001001", "1号楼"),
                code -> "市住房和城乡建设局", "2026年度项目库");

        List<List<String>> rows = sheet(TableFiles.bytes(table, ExportLanguage.ZH, TableFiles.Format.XLSX));

        assertThat(rows.get(0)).containsExactly("项目类型", "项目名称", "项目位置", "建设内容", "规模", "投资估算", "预期效果",
                "责任部门", "建设时序");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("设施建设", "测试项目", "1号楼、360111001001001002", "测试内容", "4 栋",
                "40 万元（估算）", "H02 −4", "市住房和城乡建设局", "2026");
    }

    @Test
    void csvStartsWithABomQuotesWhereNeededAndSpeaksEnglishOnRequest() {
        ExportTable table = LibraryTable.of(List.of(Projects.draft(),
                Projects.in(org.tijian.projects.project.ProjectStatus.CANCELLED)), true, Map.of(), code -> "Housing, City",
                "项目库");

        byte[] csv = TableFiles.bytes(table, ExportLanguage.EN, TableFiles.Format.CSV);

        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("Project type,Project name,Location,Construction content,Scale,Investment estimate,"
                + "Expected effect,Responsible department,Schedule");
        assertThat(lines[1]).startsWith("Facility construction,测试项目,").contains(",\"Housing, City\",2026");
    }
}
