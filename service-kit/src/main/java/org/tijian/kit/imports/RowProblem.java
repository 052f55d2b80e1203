package org.tijian.kit.imports;

import org.tijian.kit.error.ErrorCode;

/** A row of an import file that cannot be accepted, with its 1-based row number (the header is row 1 in CSV). */
public record RowProblem(int row, ErrorCode error, String value) {
}
