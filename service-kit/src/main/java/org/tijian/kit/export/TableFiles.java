package org.tijian.kit.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an {@link ExportTable} as CSV (UTF-8 with a byte order mark, so that Excel shows the Chinese; CRLF line ends)
 * or as XLSX (streamed: POI's SXSSF keeps a window of rows in memory; bold, frozen header row). A service that
 * exports declares {@code poi-ooxml} itself (optional here).
 */
public final class TableFiles {

    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        /** @return the format named by a {@code format} parameter (csv, xlsx), or null for anything else */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** Rows an XLSX keeps in memory while it streams the rest to a temporary file. */
    private static final int XLSX_WINDOW = 500;

    public static byte[] bytes(ExportTable table, ExportLanguage language, Format format) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(table, language, format, out);
        return out.toByteArray();
    }

    public static void write(ExportTable table, ExportLanguage language, Format format, OutputStream out) {
        try {
            if (format == Format.CSV) {
                csv(table, language, out);
            } else {
                xlsx(table, language, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void csv(ExportTable table, ExportLanguage language, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        line(writer, table.columns().stream().map(c -> (Object) c.header(language)).toList());
        for (List<Object> row : table.rows()) {
            line(writer, row);
        }
        writer.flush();
    }

    private static void line(Writer writer, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quoted(text(cells.get(i))));
        }
        writer.write("\r\n");
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal) {
            return ((BigDecimal) cell).stripTrailingZeros().toPlainString();
        }
        return cell.toString();
    }

    private static void xlsx(ExportTable table, ExportLanguage language, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW)) {
            SXSSFSheet sheet = workbook.createSheet(sheetName(table.title()));
            sheet.trackAllColumnsForAutoSizing();
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(table.columns().get(c).header(language));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> cells : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    cell(row, c, cells.get(c));
                }
            }
            autoSize(sheet, table.columns().size());
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void cell(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof Number) {
            cell.setCellValue(((Number) value).doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static void autoSize(Sheet sheet, int columns) {
        for (int c = 0; c < columns; c++) {
            sheet.autoSizeColumn(c);
        }
    }

    /** Excel's sheet names: at most 31 characters, none of []:*?/\ . */
    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private TableFiles() {
    }
}
