package org.tijian.kit.error;

import java.util.List;

/**
 * A rejected batch: the problem+json body lists each bad row with its number and code, so a
 * department can fix its file without guessing.
 */
public class RowErrorsException extends TijianException {

    private final List<RowError> rowErrors;

    public RowErrorsException(ErrorCode summary, List<RowError> rowErrors, Object... arguments) {
        super(summary, arguments);
        this.rowErrors = List.copyOf(rowErrors);
    }

    public List<RowError> rowErrors() {
        return rowErrors;
    }

    /** @param row 1-based row number in the submitted file or array */
    public record RowError(int row, String code, String field, String message) {
    }
}
