package org.tijian.kit.export;

import java.util.List;

/**
 * A list ready to export (the ledger's problem lists, the project library): a title, the columns and the rows (cells
 * are strings, numbers or null). Built in plain Java by the service, written by {@link TableFiles} as CSV or XLSX.
 */
public record ExportTable(String title, List<ExportColumn> columns, List<List<Object>> rows) {

    public ExportTable {
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + columns.size()
                        + " columns");
            }
        }
    }
}
