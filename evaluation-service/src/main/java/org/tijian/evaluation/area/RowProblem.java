package org.tijian.evaluation.area;

/** A row of an import file that cannot be accepted, with its 1-based row number (the header is row 1 in CSV). */
public record RowProblem(int row, AreaError error, String value) {
}
