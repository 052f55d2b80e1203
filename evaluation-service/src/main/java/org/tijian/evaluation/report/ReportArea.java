package org.tijian.evaluation.report;

import org.tijian.contracts.AreaLevel;
import org.tijian.evaluation.indicator.CityClassification;

/**
 * An area as the reports need it: where it sits (its city and province, from the derived path) and the classes of its
 * city, which pick the standards.
 *
 * @param cityCode the city (设区市) it lies in, itself for a city; null above or outside cities
 * @param provinceCode the province on its path, itself for a province; null when the tree has none above it
 * @param cityClass the class of its city, when recorded
 * @param sizeClass the size class of its city, when recorded
 */
public record ReportArea(String code, String nameZh, AreaLevel level, String parentCode, String cityCode,
        String provinceCode, String cityClass, String sizeClass) {

    public CityClassification classification() {
        return new CityClassification(cityClass, sizeClass);
    }
}
