package org.tijian.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tijian.kit.tabular.TabularRecord;

class XlsxTabularReaderTest {

    @TempDir
    Path dir;

    private Path write(Workbook workbook, String name) throws Exception {
        Sheet sheet = workbook.createSheet("报送数据");
        Row header = sheet.createRow(0);
        String[] columns = {"Data_Element", "Area_Code", "Value", "Unit", "Note"};
        for (int i = 0; i < columns.length; i++) {
            header.createCell(i).setCellValue(columns[i]);
        }
        Row full = sheet.createRow(1);
        full.createCell(0).setCellValue("U01_COLLECTED");
        full.createCell(1).setCellValue("360111");
        full.createCell(2).setCellValue(1234.5);
        full.createCell(3).setCellValue("吨/年");
        full.createCell(4).setCellValue("青山湖区，污水处理厂年报");
        Row sparse = sheet.createRow(3); // row 3 (Excel's numbering) is left empty
        sparse.createCell(0).setCellValue("U01_PRODUCED");
        sparse.createCell(2).setCellValue(2000);
        Row stray = sheet.createRow(4);
        stray.createCell(0).setCellValue("U04_SPORTS_GROUND_AREA");
        stray.createCell(6).setCellValue("stray");
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
        return file;
    }

    private static List<TabularRecord> all(XlsxTabularReader reader) throws Exception {
        List<TabularRecord> records = new ArrayList<>();
        TabularRecord record;
        while ((record = reader.next()) != null) {
            records.add(record);
        }
        reader.close();
        return records;
    }

    @Test
    void sharedAndInlineStringsNumbersAndGapsReadAsExcelShowsThem() throws Exception {
        for (Path file : List.of(write(new XSSFWorkbook(), "shared.xlsx"), write(new SXSSFWorkbook(), "inline.xlsx"))) {
            XlsxTabularReader reader = XlsxTabularReader.open(file);
            assertThat(reader.header()).as(file.toString())
                    .containsExactly("data_element", "area_code", "value", "unit", "note");

            List<TabularRecord> records = all(reader);

            assertThat(records).as(file.toString()).containsExactly(
                    new TabularRecord.Fields(2, Map.of("data_element", "U01_COLLECTED", "area_code", "360111",
                            "value", "1234.5", "unit", "吨/年", "note", "青山湖区，污水处理厂年报")),
                    new TabularRecord.Fields(4, Map.of("data_element", "U01_PRODUCED", "area_code", "", "value", "2000",
                            "unit", "", "note", "")),
                    new TabularRecord.Unreadable(5, "a value in column G, which has no header"));
        }
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedAndAnEmptySheetHasNoReader() throws Exception {
        Path csv = Files.writeString(dir.resolve("not.xlsx"), "data_element,value\nU01,62\n");
        assertThatThrownBy(() -> XlsxTabularReader.open(csv)).isInstanceOf(IllegalArgumentException.class);

        XSSFWorkbook empty = new XSSFWorkbook();
        empty.createSheet("空");
        Path file = dir.resolve("empty.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            empty.write(out);
        }
        empty.close();
        assertThat(XlsxTabularReader.open(file)).isNull();
    }

    @Test
    void columnReferencesTurnIntoIndexes() {
        assertThat(XlsxTabularReader.columnIndex("A1")).isZero();
        assertThat(XlsxTabularReader.columnIndex("G5")).isEqualTo(6);
        assertThat(XlsxTabularReader.columnIndex("AA12")).isEqualTo(26);
    }
}
