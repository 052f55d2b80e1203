package org.tijian.evaluation.area;

import java.io.Closeable;
import java.io.IOException;

/** Reads an import file row by row, so a whole province's file never sits in memory. */
public interface AreaRowReader extends Closeable {

    /** @return the next row, or null at the end of the file */
    AreaRow next() throws IOException;
}
