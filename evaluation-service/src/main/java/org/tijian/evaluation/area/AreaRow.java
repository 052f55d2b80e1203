package org.tijian.evaluation.area;

import org.tijian.kit.imports.RowProblem;

/** One row of an import file: an area, or the reason it cannot be one. */
public sealed interface AreaRow {

    int row();

    record Parsed(int row, Area area) implements AreaRow {
    }

    record Rejected(int row, RowProblem problem) implements AreaRow {
    }
}
