package org.tijian.evaluation.area;

import org.tijian.kit.imports.RowProblem;
import java.io.IOException;
import org.tijian.kit.tabular.TabularReader;
import org.tijian.kit.tabular.TabularRecord;

/** Area rows from any uploaded table (CSV or JSON): each record checked by {@link AreaFields}. */
final class TabularAreaReader implements AreaRowReader {

    private final TabularReader records;

    TabularAreaReader(TabularReader records) {
        this.records = records;
    }

    @Override
    public AreaRow next() throws IOException {
        TabularRecord record = records.next();
        if (record instanceof TabularRecord.Fields fields) {
            return AreaFields.toRow(fields.rowNumber(), fields.values());
        }
        if (record instanceof TabularRecord.Unreadable unreadable) {
            return new AreaRow.Rejected(unreadable.rowNumber(),
                    new RowProblem(unreadable.rowNumber(), AreaError.MALFORMED_ROW, unreadable.reason()));
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
