package org.tijian.ledger.list;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import reactor.core.publisher.Flux;

/**
 * The problems of one check year and dimension in an area's subtree, as the lists show them: with the names of their
 * street, community, compound and building from the ledger's copy of the area tree, and the number of buildings of
 * their compound. Dismissed problems are not on the lists; everything else the check found is.
 */
@Repository
class R2dbcProblemLists {

    private final DatabaseClient db;

    R2dbcProblemLists(DatabaseClient db) {
        this.db = db;
    }

    /**
     * @param dimension one dimension's problems (null for all)
     * @param indicators only these indicators' problems, for a special check (null for all)
     * @param areaCode the subtree (by code prefix; null for all areas)
     * @param responsibleUnit only this unit's problems (null for all)
     */
    Flux<ListedProblem> listed(int checkYear, Dimension dimension, List<String> indicators, String areaCode,
            String responsibleUnit) {
        DatabaseClient.GenericExecuteSpec query = db.sql("""
                        select p.dimension, p.indicator_code, p.indicator_name_zh, p.result_value, p.unit, p.standard,
                          p.description, p.rectification_class, p.suggestion, p.rectification_area, p.responsible_unit,
                          p.area_level, p.area_code, a.name_zh as area_name, s.name_zh as street, c.name_zh as community,
                          k.name_zh as compound, p.compound_code,
                          (select nullif(count(*), 0) from area_copy b
                           where b.parent_code = p.compound_code and b.level = 'BUILDING') as compound_buildings
                        from problem p
                        left join area_copy a on a.code = p.area_code
                        left join area_copy s on s.code = p.street_code
                        left join area_copy c on c.code = p.community_code
                        left join area_copy k on k.code = p.compound_code
                        where p.check_year = :year and p.status <> 'DISMISSED'
                          and (cast(:dimension as text) is null or p.dimension = cast(:dimension as text))
                          and (cast(:indicators as text[]) is null or p.indicator_code = any(cast(:indicators as text[])))
                          and p.area_code like :prefix
                          and (cast(:unit as text) is null or p.responsible_unit = cast(:unit as text))
                        order by p.indicator_code, p.area_code""")
                .bind("year", checkYear).bind("prefix", (areaCode == null ? "" : areaCode) + "%");
        query = dimension == null ? query.bindNull("dimension", String.class) : query.bind("dimension", dimension.name());
        query = indicators == null ? query.bindNull("indicators", String[].class)
                : query.bind("indicators", indicators.toArray(String[]::new));
        query = responsibleUnit == null ? query.bindNull("unit", String.class) : query.bind("unit", responsibleUnit);
        return query.map(row -> new ListedProblem(Dimension.valueOf(row.get("dimension", String.class)),
                        row.get("indicator_code", String.class), row.get("indicator_name_zh", String.class),
                        row.get("result_value", BigDecimal.class), row.get("unit", String.class),
                        row.get("standard", String.class), row.get("description", String.class),
                        RectificationClass.valueOf(row.get("rectification_class", String.class)),
                        row.get("suggestion", String.class), row.get("rectification_area", String.class),
                        row.get("responsible_unit", String.class), level(row.get("area_level", String.class)),
                        row.get("area_code", String.class), row.get("area_name", String.class),
                        row.get("street", String.class), row.get("community", String.class),
                        row.get("compound", String.class), row.get("compound_code", String.class),
                        row.get("compound_buildings", Long.class)))
                .all();
    }

    private static AreaLevel level(String name) {
        return name == null ? null : AreaLevel.valueOf(name);
    }
}
