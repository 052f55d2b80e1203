package org.tijian.evaluation.area;

import java.math.BigDecimal;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.catalog.AreaDefined;

/**
 * One area of the tree: an administrative division (province to street) or a local one
 * (community, compound, building).
 *
 * @param cityClass for cities and counties: a {@link org.tijian.contracts.catalog.CityClass} name
 * @param geometry optional GeoJSON geometry, kept as text
 * @param sizeClass for cities: a {@link org.tijian.contracts.catalog.CitySizeClass} name
 */
public record Area(
        String code,
        String nameZh,
        AreaLevel level,
        String parentCode,
        String cityClass,
        Long population,
        BigDecimal builtUpAreaKm2,
        BigDecimal residentialLandAreaKm2,
        String geometry,
        String sizeClass) {

    public AreaDefined defined() {
        return new AreaDefined(code, nameZh, level, parentCode, cityClass, population, builtUpAreaKm2,
                residentialLandAreaKm2, sizeClass);
    }
}
