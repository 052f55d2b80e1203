package org.tijian.evaluation.area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, DHIS2 style: counts, and rejected rows grouped by a stable error code with
 * the first {@value #ROWS_PER_CODE} rows of each and the total.
 */
public final class ImportSummary {

    public static final int ROWS_PER_CODE = 20;

    private final Map<String, Group> errors = new LinkedHashMap<>();
    private long rejected;

    public void reject(RowProblem problem) {
        rejected++;
        Group group = errors.computeIfAbsent(problem.error().code(),
                code -> new Group(code, problem.error().messageEn(), 0, new ArrayList<>()));
        Group updated = new Group(group.code(), group.meaning(), group.count() + 1, group.rows());
        if (group.rows().size() < ROWS_PER_CODE) {
            group.rows().add(new Row(problem.row(), problem.value()));
        }
        errors.put(group.code(), updated);
    }

    public long rejected() {
        return rejected;
    }

    public boolean clean() {
        return rejected == 0;
    }

    public List<Group> groups() {
        return List.copyOf(errors.values());
    }

    /** @param meaning the code's message pattern in English, for readers of the summary */
    public record Group(String code, String meaning, long count, List<Row> rows) {
    }

    public record Row(int row, String value) {
    }
}
