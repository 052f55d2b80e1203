package org.tijian.evaluation.area;

import org.tijian.kit.imports.RowProblem;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.catalog.CityClass;
import org.tijian.contracts.catalog.CitySizeClass;

/**
 * Turns the named fields of one row (from CSV or JSON alike) into an {@link Area}, checking each
 * field. Field names: code, name (or name_zh / nameZh), level, parent_code (parentCode), city_class
 * (cityClass), population, built_up_area_km2 (builtUpAreaKm2), residential_land_area_km2
 * (residentialLandAreaKm2), geometry, size_class (sizeClass). City and size classes are enum names
 * ({@link CityClass}, {@link CitySizeClass}), case-insensitive.
 */
final class AreaFields {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,32}");

    static AreaRow toRow(int row, Map<String, String> fields) {
        String code = first(fields, "code");
        String name = first(fields, "name", "name_zh", "nameZh");
        String level = first(fields, "level");
        if (code == null) {
            return reject(row, AreaError.MISSING_FIELD, "code");
        }
        if (!CODE.matcher(code).matches()) {
            return reject(row, AreaError.MALFORMED_CODE, code);
        }
        if (name == null) {
            return reject(row, AreaError.MISSING_FIELD, "name");
        }
        if (level == null) {
            return reject(row, AreaError.MISSING_FIELD, "level");
        }
        AreaLevel areaLevel;
        try {
            areaLevel = AreaLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return reject(row, AreaError.UNKNOWN_LEVEL, level);
        }
        String parent = first(fields, "parent_code", "parentCode");
        if (parent != null && !CODE.matcher(parent).matches()) {
            return reject(row, AreaError.MALFORMED_CODE, parent);
        }
        String cityClass = enumName(fields, CityClass.class, "city_class", "cityClass");
        if (cityClass != null && cityClass.isEmpty()) {
            return reject(row, AreaError.UNKNOWN_CITY_CLASS, first(fields, "city_class", "cityClass"));
        }
        String sizeClass = enumName(fields, CitySizeClass.class, "size_class", "sizeClass");
        if (sizeClass != null && sizeClass.isEmpty()) {
            return reject(row, AreaError.UNKNOWN_SIZE_CLASS, first(fields, "size_class", "sizeClass"));
        }
        try {
            String population = first(fields, "population");
            return new AreaRow.Parsed(row, new Area(code, name, areaLevel, parent,
                    cityClass,
                    population == null ? null : Long.valueOf(population),
                    decimal(fields, "built_up_area_km2", "builtUpAreaKm2"),
                    decimal(fields, "residential_land_area_km2", "residentialLandAreaKm2"),
                    first(fields, "geometry"),
                    sizeClass));
        } catch (NumberFormatException e) {
            return reject(row, AreaError.MALFORMED_NUMBER, e.getMessage());
        }
    }

    /** The enum constant's name, null when the field is absent, "" when it names no constant. */
    private static <E extends Enum<E>> String enumName(Map<String, String> fields, Class<E> type, String... names) {
        String value = first(fields, names);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static BigDecimal decimal(Map<String, String> fields, String... names) {
        String value = first(fields, names);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(names[0] + "=" + value);
        }
    }

    private static String first(Map<String, String> fields, String... names) {
        for (String name : names) {
            String value = fields.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static AreaRow reject(int row, AreaError error, String value) {
        return new AreaRow.Rejected(row, new RowProblem(row, error, value));
    }

    private AreaFields() {
    }
}
