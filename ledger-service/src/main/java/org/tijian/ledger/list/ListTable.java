package org.tijian.ledger.list;

import java.util.List;

/**
 * A list ready to export: a title, the columns and the rows (cells are strings, numbers or null). Built in plain Java
 * from the ledger's rows, written by {@link ListWriter} as CSV or XLSX.
 */
public record ListTable(String title, List<ListColumn> columns, List<List<Object>> rows) {

    public ListTable {
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + columns.size()
                        + " columns");
            }
        }
    }
}
