package org.tijian.intake.area;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.catalog.AreaDefined;
import reactor.core.publisher.Mono;

@Repository
class R2dbcAreaCopy implements AreaCopy {

    private final DatabaseClient db;

    R2dbcAreaCopy(DatabaseClient db) {
        this.db = db;
    }

    /** One statement per poll: the definitions travel as parallel arrays and are unnested in the database. */
    @Override
    public Mono<Void> apply(List<AreaDefined> areas) {
        if (areas.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into area_copy (code, name_zh, level, parent_code, city_class, population, updated_at)
                        select distinct on (code) code, name_zh, level, parent_code, city_class, population, now()
                        from unnest(:codes::text[], :names::text[], :levels::text[], :parents::text[], :classes::text[],
                                    :populations::bigint[]) with ordinality
                             as t(code, name_zh, level, parent_code, city_class, population, position)
                        order by code, position desc
                        on conflict (code) do update set name_zh = excluded.name_zh, level = excluded.level,
                          parent_code = excluded.parent_code, city_class = excluded.city_class,
                          population = excluded.population, updated_at = now()""")
                .bind("codes", areas.stream().map(AreaDefined::code).toArray(String[]::new))
                .bind("names", areas.stream().map(AreaDefined::nameZh).toArray(String[]::new))
                .bind("levels", areas.stream().map(a -> a.level().name()).toArray(String[]::new))
                .bind("parents", areas.stream().map(AreaDefined::parentCode).toArray(String[]::new))
                .bind("classes", areas.stream().map(AreaDefined::cityClass).toArray(String[]::new))
                .bind("populations", areas.stream().map(AreaDefined::population).toArray(Long[]::new))
                .then();
    }

    @Override
    public Mono<AreaDefined> find(String code) {
        return db.sql("select code, name_zh, level, parent_code, city_class, population from area_copy where code = :code")
                .bind("code", code)
                .map(row -> new AreaDefined(row.get("code", String.class), row.get("name_zh", String.class),
                        AreaLevel.valueOf(row.get("level", String.class)), row.get("parent_code", String.class),
                        row.get("city_class", String.class), row.get("population", Long.class), null, null, null))
                .one();
    }
}
