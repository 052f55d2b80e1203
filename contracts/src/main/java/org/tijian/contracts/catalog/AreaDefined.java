package org.tijian.contracts.catalog;

import java.math.BigDecimal;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.MayBeNull;

/**
 * An area of the tree was created or changed; the record carries its whole current definition.
 * Published on the compacted topic {@code catalog.areas.v1}, keyed by {@code code}, so any service
 * can rebuild its own copy of the tree from the topic. Geometry is not carried.
 *
 * @param cityClass for cities and counties: PROVINCIAL_CAPITAL, PREFECTURE_CITY, COUNTY
 * @param sizeClass for cities: SUPER_LARGE, MEGA, LARGE, MEDIUM or SMALL (城市规模, by urban population)
 * @param builtUpAreaKm2 建成区面积, square kilometres
 * @param residentialLandAreaKm2 居住用地面积, square kilometres
 */
public record AreaDefined(
        String code,
        String nameZh,
        AreaLevel level,
        @MayBeNull String parentCode,
        @MayBeNull String cityClass,
        @MayBeNull Long population,
        @MayBeNull BigDecimal builtUpAreaKm2,
        @MayBeNull BigDecimal residentialLandAreaKm2,
        @MayBeNull String sizeClass) {
}
