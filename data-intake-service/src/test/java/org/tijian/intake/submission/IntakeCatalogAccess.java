package org.tijian.intake.submission;

import org.tijian.kit.catalog.CatalogCopy;

/** Lets tests of other packages fill the catalog copy the way {@link IntakeCatalog} does. */
public final class IntakeCatalogAccess {

    public static void fill(CatalogCopy copy) {
        IntakeCatalog.fill(copy);
    }

    private IntakeCatalogAccess() {
    }
}
