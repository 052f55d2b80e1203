package org.tijian.intake.submission;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.tijian.kit.tabular.TabularReader;
import org.tijian.kit.tabular.TabularRecord;
import org.xml.sax.SAXException;

/**
 * Reads the first sheet of an XLSX workbook as a table: its first non-empty row is the header, every
 * later row a record numbered as Excel numbers it. The sheet is read as a stream of XML (StAX), so a
 * sheet of a million rows never sits in memory; only the shared strings table does. Numbers are given
 * in plain notation without trailing zeros (dates are Excel's day numbers); formulas by their cached value.
 */
public final class XlsxTabularReader implements TabularReader {

    private final OPCPackage workbook;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable sharedStrings;
    private final List<String> header;
    private int lastRowNumber = 1;

    private XlsxTabularReader(OPCPackage workbook, InputStream sheet, XMLStreamReader xml,
            ReadOnlySharedStringsTable sharedStrings, List<String> header) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.xml = xml;
        this.sharedStrings = sharedStrings;
        this.header = header;
    }

    /**
     * @return a reader, or null if the first sheet has no header row
     * @throws IllegalArgumentException if the file is not an XLSX workbook
     */
    public static XlsxTabularReader open(Path file) throws IOException {
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new IllegalArgumentException("not an XLSX workbook: " + e.getMessage());
        }
        try {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                workbook.revert();
                return null;
            }
            InputStream sheet = sheets.next();
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(sheet);
            XlsxTabularReader table = new XlsxTabularReader(workbook, sheet, xml, strings, new ArrayList<>());
            Row first = table.nextRow();
            while (first != null && first.cells().values().stream().allMatch(String::isBlank)) {
                first = table.nextRow();
            }
            if (first == null) {
                table.close();
                return null;
            }
            int columns = first.cells().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            for (int column = 0; column < columns; column++) {
                table.header.add(first.cells().getOrDefault(column, "").strip().toLowerCase(Locale.ROOT));
            }
            return table;
        } catch (OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            workbook.revert();
            throw new IllegalArgumentException("unreadable XLSX workbook: " + e.getMessage());
        }
    }

    public List<String> header() {
        return List.copyOf(header);
    }

    @Override
    public TabularRecord next() throws IOException {
        try {
            Row row;
            do {
                row = nextRow();
                if (row == null) {
                    return null;
                }
            } while (row.cells().values().stream().allMatch(String::isBlank));
            for (int column : row.cells().keySet()) {
                if (column >= header.size() || header.get(column).isEmpty()) {
                    return new TabularRecord.Unreadable(row.number(),
                            "a value in column " + columnName(column) + ", which has no header");
                }
            }
            Map<String, String> fields = new HashMap<>();
            for (int column = 0; column < header.size(); column++) {
                if (!header.get(column).isEmpty()) {
                    fields.put(header.get(column), row.cells().getOrDefault(column, ""));
                }
            }
            return new TabularRecord.Fields(row.number(), fields);
        } catch (XMLStreamException e) {
            return new TabularRecord.Unreadable(lastRowNumber + 1, "the sheet's XML is broken: " + e.getMessage());
        }
    }

    private record Row(int number, Map<Integer, String> cells) {
    }

    /** The next {@code <row>} of the sheet with its cells by column index, or null after the last. */
    private Row nextRow() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                String r = xml.getAttributeValue(null, "r");
                int number = r == null ? lastRowNumber + 1 : Integer.parseInt(r);
                lastRowNumber = number;
                Map<Integer, String> cells = new HashMap<>();
                int nextColumn = 0;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                        return new Row(number, cells);
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                        String reference = xml.getAttributeValue(null, "r");
                        int column = reference == null ? nextColumn : columnIndex(reference);
                        cells.put(column, cellValue(xml.getAttributeValue(null, "t")));
                        nextColumn = column + 1;
                    }
                }
            }
        }
        return null;
    }

    /** Reads a {@code <c>} element up to its end and returns its value as text. */
    private String cellValue(String type) throws XMLStreamException {
        StringBuilder value = new StringBuilder();
        boolean inValue = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                inValue = xml.getLocalName().equals("v") || xml.getLocalName().equals("t");
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("c")) {
                    break;
                }
                inValue = false;
            } else if (inValue && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                value.append(xml.getText());
            }
        }
        String text = value.toString();
        if ("s".equals(type) && !text.isEmpty()) {
            return sharedStrings.getItemAt(Integer.parseInt(text.strip())).getString();
        }
        if ("b".equals(type)) {
            return "1".equals(text) ? "true" : "false";
        }
        if ((type == null || "n".equals(type)) && !text.isBlank()) {
            try {
                // some writers store 2000 as "2000.0"; show numbers as a person typed them
                return new BigDecimal(text.strip()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    /** "B7" → 1, "AA12" → 26. */
    static int columnIndex(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    private static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader over a stream that is closed next anyway
        }
        sheet.close();
        workbook.revert();
    }
}
