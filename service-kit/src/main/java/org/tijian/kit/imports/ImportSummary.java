package org.tijian.kit.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tijian.kit.error.ErrorCode;

/**
 * What an import did with the rows it could not accept, DHIS2 style: rejected rows grouped by a stable
 * error code, each group with its total and its first {@value #ROWS_PER_CODE} rows in file order.
 * Not thread-safe: one import fills it.
 */
public final class ImportSummary {

    public static final int ROWS_PER_CODE = 20;

    private final Map<String, Group> errors = new LinkedHashMap<>();
    private long rejected;

    /** One rejected row with one problem. */
    public void reject(RowProblem problem) {
        rejected++;
        add(problem.error(), 1, List.of(new Row(problem.row(), problem.value())));
    }

    /**
     * Problems found in bulk (e.g. by SQL over staged rows); the caller counts rejected rows itself,
     * since one row may have several problems.
     */
    public void add(ErrorCode error, long count, List<Row> firstRows) {
        Group group = errors.computeIfAbsent(error.code(),
                code -> new Group(code, error.messageZh(), error.messageEn(), 0, List.of()));
        List<Row> rows = new ArrayList<>(group.rows());
        rows.addAll(firstRows);
        rows.sort(Comparator.comparingInt(Row::row));
        errors.put(group.code(), new Group(group.code(), group.meaningZh(), group.meaningEn(), group.count() + count,
                List.copyOf(rows.subList(0, Math.min(rows.size(), ROWS_PER_CODE)))));
    }

    /** A summary to go on from, e.g. to add what a repeated step finds to what earlier steps found. */
    public ImportSummary copy() {
        ImportSummary copy = new ImportSummary();
        copy.errors.putAll(errors);
        copy.rejected = rejected;
        return copy;
    }

    public void countRejectedRows(long rows) {
        rejected += rows;
    }

    public long rejected() {
        return rejected;
    }

    public boolean clean() {
        return errors.isEmpty();
    }

    public List<Group> groups() {
        return List.copyOf(errors.values());
    }

    /**
     * @param meaningZh the code's message pattern in Chinese, for readers of the summary
     * @param meaningEn the same in English
     */
    public record Group(String code, String meaningZh, String meaningEn, long count, List<Row> rows) {
    }

    /** @param value what was wrong in the row, e.g. the unknown code */
    public record Row(int row, String value) {
    }
}
