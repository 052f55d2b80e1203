package org.tijian.kit.catalog;

/**
 * SQL that sums a hash of every row of an area or indicator table, so that two tables holding the same rows in
 * any order, in any service, give the same {@code count} and {@code digest}; the catalog copy answers them at
 * {@code GET <path>/status}, and the owner of the catalog can run the same query on its own tables to compare.
 *
 * <p>Each row is hashed as PostgreSQL's text form of a row value of the hashed columns
 * ({@code hashtextextended(row(...)::text, 0)}), which tells a null from an empty string and quotes separators,
 * and the 64-bit hashes are summed as a numeric, so the digest does not depend on the order of the rows. Numerics
 * are normalised with {@code trim_scale}, so {@code 12.50} and {@code 12.5} hash alike (the copy stores what was
 * published, a source table may declare another scale); needs PostgreSQL 13 or later.
 *
 * <p>The {@code table} argument is inserted verbatim: a table name, or a parenthesised sub-select with an alias
 * for a table that names or types a column differently, e.g. for a table without {@code size_class}:
 * {@code (select *, null::text as size_class from area) area}. Never pass user input.
 */
public final class CatalogDigest {

    /**
     * The columns hashed for an area, in this order: {@code code, name_zh, level} (the {@code AreaLevel} name),
     * {@code parent_code, city_class, size_class} (text), {@code population} (an integer type),
     * {@code built_up_area_km2, residential_land_area_km2} (numeric, scale trimmed).
     */
    public static final String AREA_COLUMNS = "code, name_zh, level, parent_code, city_class, size_class, population, "
            + "built_up_area_km2, residential_land_area_km2";

    /**
     * The columns hashed for an indicator: {@code code} (text), {@code revision} (an integer type) and
     * {@code retired} (boolean). The revision changes with every change of the definition, so these three say
     * whether a copy holds the current definition of every indicator.
     */
    public static final String INDICATOR_COLUMNS = "code, revision, retired";

    /** {@code count} (bigint) and {@code digest} (text) over the {@link #AREA_COLUMNS} of {@code table}. */
    public static String areaDigestSql(String table) {
        return digestSql("""
                code, name_zh, level, parent_code, city_class, size_class, population,
                trim_scale(built_up_area_km2), trim_scale(residential_land_area_km2)""", table);
    }

    /** {@code count} (bigint) and {@code digest} (text) over the {@link #INDICATOR_COLUMNS} of {@code table}. */
    public static String indicatorDigestSql(String table) {
        return digestSql("code, revision, retired", table);
    }

    private static String digestSql(String columns, String table) {
        return "select count(*) as count, coalesce(sum(hashtextextended(row(" + columns.replace("\n", " ")
                + ")::text, 0)), 0)::text as digest from " + table;
    }

    private CatalogDigest() {
    }
}
