package org.tijian.kit.tabular;

import java.io.Closeable;
import java.io.IOException;

/** Reads an uploaded table record by record, so a file of millions of rows never sits in memory. */
public interface TabularReader extends Closeable {

    /** @return the next record, or null at the end */
    TabularRecord next() throws IOException;
}
