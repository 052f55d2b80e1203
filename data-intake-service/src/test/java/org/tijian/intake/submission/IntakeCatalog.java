package org.tijian.intake.submission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.kit.catalog.CatalogCopy;
import org.tijian.testing.areas.GeneratedProvince;
import org.tijian.testing.catalog.ShippedIndicators;

/**
 * Fills intake's catalog copy the way the compacted topics would: Nanchang (3601) down to buildings
 * (one community per street, two compounds per community, three buildings per compound) and the
 * shipped national indicators.
 */
final class IntakeCatalog {

    /** A street of Donghu district (360102) and, below it, the generated community, compounds and buildings. */
    static final String STREET = "360102002";
    static final String COMMUNITY = STREET + "001";
    static final String COMPOUND = COMMUNITY + "001";
    static final String OTHER_COMPOUND = COMMUNITY + "002";

    static String building(String compound, int number) {
        return compound + "%03d".formatted(number);
    }

    static void fill(CatalogCopy copy) {
        List<AreaDefined> areas = new ArrayList<>();
        GeneratedProvince.perStreet(1, 2, 3).forEachArea(area -> {
            if (area.code().length() <= 2 || area.code().startsWith("3601")) {
                areas.add(area);
            }
        });
        copy.applyAreas(areas, List.of()).block(Duration.ofMinutes(1));
        copy.applyIndicators(ShippedIndicators.all(), List.of()).block(Duration.ofMinutes(1));
    }

    private IntakeCatalog() {
    }
}
