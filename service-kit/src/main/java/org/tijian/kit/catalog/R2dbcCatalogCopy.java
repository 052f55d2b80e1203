package org.tijian.kit.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.kit.catalog.CatalogCopyStatus.TableDigest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The copy in tables {@code area_copy} and {@code indicator_copy} (migration {@code db/kit-catalog}). One poll is
 * one statement per table: the definitions travel as parallel arrays and are unnested in the database, and a row
 * is only written when it changes.
 */
class R2dbcCatalogCopy implements CatalogCopy {

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final JsonMapper json;

    R2dbcCatalogCopy(DatabaseClient db, TransactionalOperator transaction, JsonMapper json) {
        this.db = db;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    public Mono<Changes> applyAreas(Collection<AreaDefined> latest, Collection<String> removedCodes) {
        Mono<Long> written = latest.isEmpty() ? Mono.just(0L) : db.sql("""
                        insert into area_copy as c (code, name_zh, level, parent_code, city_class, size_class, population,
                          built_up_area_km2, residential_land_area_km2, updated_at)
                        select code, name_zh, level, parent_code, city_class, size_class, population, built_up::numeric,
                          residential::numeric, now()
                        from unnest(:codes::text[], :names::text[], :levels::text[], :parents::text[],
                                    :cityClasses::text[], :sizeClasses::text[], :populations::bigint[],
                                    :builtUp::text[], :residential::text[])
                             as t(code, name_zh, level, parent_code, city_class, size_class, population, built_up,
                                  residential)
                        on conflict (code) do update set name_zh = excluded.name_zh, level = excluded.level,
                          parent_code = excluded.parent_code, city_class = excluded.city_class,
                          size_class = excluded.size_class, population = excluded.population,
                          built_up_area_km2 = excluded.built_up_area_km2,
                          residential_land_area_km2 = excluded.residential_land_area_km2, updated_at = excluded.updated_at
                        where (c.name_zh, c.level, c.parent_code, c.city_class, c.size_class, c.population,
                               c.built_up_area_km2::text, c.residential_land_area_km2::text)
                          is distinct from (excluded.name_zh, excluded.level, excluded.parent_code, excluded.city_class,
                               excluded.size_class, excluded.population, excluded.built_up_area_km2::text,
                               excluded.residential_land_area_km2::text)""")
                .bind("codes", strings(latest, AreaDefined::code))
                .bind("names", strings(latest, AreaDefined::nameZh))
                .bind("levels", strings(latest, a -> a.level().name()))
                .bind("parents", strings(latest, AreaDefined::parentCode))
                .bind("cityClasses", strings(latest, AreaDefined::cityClass))
                .bind("sizeClasses", strings(latest, AreaDefined::sizeClass))
                .bind("populations", latest.stream().map(AreaDefined::population).toArray(Long[]::new))
                .bind("builtUp", strings(latest, a -> decimal(a.builtUpAreaKm2())))
                .bind("residential", strings(latest, a -> decimal(a.residentialLandAreaKm2())))
                .fetch().rowsUpdated();
        return transaction.transactional(
                written.flatMap(rows -> remove("area_copy", removedCodes).map(removed -> new Changes(rows, removed))));
    }

    @Override
    public Mono<Changes> applyIndicators(Collection<IndicatorDefined> latest, Collection<String> removedCodes) {
        Mono<Long> written = latest.isEmpty() ? Mono.just(0L) : db.sql("""
                        insert into indicator_copy as c (code, revision, retired, system_code, system_kind, owner_area_code,
                          name_zh, dimension, unit, evaluation_level, definition, updated_at)
                        select code, revision, retired, system_code, system_kind, owner_area_code, name_zh, dimension, unit,
                          evaluation_level, definition::jsonb, now()
                        from unnest(:codes::text[], :revisions::bigint[], :retired::boolean[], :systemCodes::text[],
                                    :systemKinds::text[], :owners::text[], :names::text[], :dimensions::text[],
                                    :units::text[], :levels::text[], :definitions::text[])
                             as t(code, revision, retired, system_code, system_kind, owner_area_code, name_zh, dimension,
                                  unit, evaluation_level, definition)
                        on conflict (code) do update set revision = excluded.revision, retired = excluded.retired,
                          system_code = excluded.system_code, system_kind = excluded.system_kind,
                          owner_area_code = excluded.owner_area_code, name_zh = excluded.name_zh,
                          dimension = excluded.dimension, unit = excluded.unit,
                          evaluation_level = excluded.evaluation_level, definition = excluded.definition,
                          updated_at = excluded.updated_at
                        where c.revision <= excluded.revision
                          and (c.revision, c.definition) is distinct from (excluded.revision, excluded.definition)""")
                .bind("codes", strings(latest, IndicatorDefined::code))
                .bind("revisions", latest.stream().map(IndicatorDefined::revision).toArray(Long[]::new))
                .bind("retired", latest.stream().map(IndicatorDefined::retired).toArray(Boolean[]::new))
                .bind("systemCodes", strings(latest, IndicatorDefined::systemCode))
                .bind("systemKinds", strings(latest, i -> name(i.systemKind())))
                .bind("owners", strings(latest, IndicatorDefined::ownerAreaCode))
                .bind("names", strings(latest, IndicatorDefined::nameZh))
                .bind("dimensions", strings(latest, i -> name(i.dimension())))
                .bind("units", strings(latest, IndicatorDefined::unit))
                .bind("levels", strings(latest, i -> name(i.evaluationLevel())))
                .bind("definitions", strings(latest, json::writeValueAsString))
                .fetch().rowsUpdated();
        return transaction.transactional(
                written.flatMap(rows -> remove("indicator_copy", removedCodes).map(removed -> new Changes(rows, removed))));
    }

    @Override
    public Mono<AreaDefined> area(String code) {
        return db.sql("""
                        select code, name_zh, level, parent_code, city_class, population, built_up_area_km2,
                          residential_land_area_km2, size_class
                        from area_copy where code = :code""")
                .bind("code", code)
                .map(row -> new AreaDefined(row.get("code", String.class), row.get("name_zh", String.class),
                        AreaLevel.valueOf(row.get("level", String.class)), row.get("parent_code", String.class),
                        row.get("city_class", String.class), row.get("population", Long.class),
                        row.get("built_up_area_km2", BigDecimal.class),
                        row.get("residential_land_area_km2", BigDecimal.class), row.get("size_class", String.class)))
                .one();
    }

    @Override
    public Mono<IndicatorDefined> indicator(String code) {
        return db.sql("select definition::text as definition from indicator_copy where code = :code")
                .bind("code", code)
                .map(row -> json.readValue(row.get("definition", String.class), IndicatorDefined.class))
                .one();
    }

    @Override
    public Mono<CatalogCopyStatus> status() {
        return db.sql("select a.count as area_count, a.digest as area_digest, i.count as indicator_count,"
                        + " i.digest as indicator_digest,"
                        + " greatest((select max(updated_at) from area_copy), (select max(updated_at) from indicator_copy))"
                        + " as last_updated_at"
                        + " from (" + CatalogDigest.areaDigestSql("area_copy") + ") a,"
                        + " (" + CatalogDigest.indicatorDigestSql("indicator_copy") + ") i")
                .map(row -> new CatalogCopyStatus(
                        new TableDigest(row.get("area_count", Long.class), row.get("area_digest", String.class)),
                        new TableDigest(row.get("indicator_count", Long.class), row.get("indicator_digest", String.class)),
                        row.get("last_updated_at", Instant.class)))
                .one();
    }

    private Mono<Long> remove(String table, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("delete from " + table + " where code = any(:codes::text[])")
                .bind("codes", codes.toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    private static <T> String[] strings(Collection<T> items, Function<T, String> field) {
        return items.stream().map(field).toArray(String[]::new);
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
