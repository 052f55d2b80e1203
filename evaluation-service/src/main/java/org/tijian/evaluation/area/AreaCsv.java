package org.tijian.evaluation.area;

import java.math.BigDecimal;

/** The CSV layout of area exports, the same the importer reads. */
final class AreaCsv {

    static final String HEADER =
            "code,name,level,parent_code,city_class,population,built_up_area_km2,residential_land_area_km2,geometry,size_class";

    static String line(Area area) {
        return String.join(",", cell(area.code()), cell(area.nameZh()), area.level().name(), cell(area.parentCode()),
                cell(area.cityClass()), area.population() == null ? "" : area.population().toString(),
                plain(area.builtUpAreaKm2()), plain(area.residentialLandAreaKm2()), cell(area.geometry()),
                cell(area.sizeClass()));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private AreaCsv() {
    }
}
