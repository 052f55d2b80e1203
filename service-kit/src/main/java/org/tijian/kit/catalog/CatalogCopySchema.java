package org.tijian.kit.catalog;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates or updates the copy's tables with Flyway, from {@code db/kit-catalog}, after the service's own
 * migrations and with a history table of its own ({@code flyway_kit_catalog_history}): the kit's versions then
 * never interleave with a service's (a kit migration numbered below a service's applied versions would be out of
 * order in an existing database), and the migration can adopt a table a service created before (intake's
 * {@code area_copy}). Same database, credentials and settings as the service's Flyway.
 */
final class CatalogCopySchema implements InitializingBean {

    static final String LOCATION = "classpath:db/kit-catalog";
    static final String HISTORY_TABLE = "flyway_kit_catalog_history";

    private final Flyway serviceFlyway;

    CatalogCopySchema(Flyway serviceFlyway) {
        this.serviceFlyway = serviceFlyway;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure(serviceFlyway.getConfiguration().getClassLoader())
                .configuration(serviceFlyway.getConfiguration())
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // the schema already holds the service's tables: start this history below the kit's first version
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
