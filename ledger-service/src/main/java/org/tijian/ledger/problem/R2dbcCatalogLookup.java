package org.tijian.ledger.problem;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.AreaLevel;
import reactor.core.publisher.Mono;

@Repository
class R2dbcCatalogLookup implements CatalogLookup {

    private final DatabaseClient db;

    R2dbcCatalogLookup(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<List<AreaPath.Node>> chain(String areaCode) {
        return db.sql("""
                        with recursive up (code, name_zh, level, parent_code, depth) as (
                          select code, name_zh, level, parent_code, 0 from area_copy where code = :code
                          union all
                          select a.code, a.name_zh, a.level, a.parent_code, up.depth + 1
                          from area_copy a join up on a.code = up.parent_code where up.depth < 10)
                        select code, name_zh, level from up order by depth desc""")
                .bind("code", areaCode)
                .map(row -> new AreaPath.Node(row.get("code", String.class), row.get("name_zh", String.class),
                        AreaLevel.valueOf(row.get("level", String.class))))
                .all().collectList();
    }

    @Override
    public Mono<IndicatorFacts> indicator(String indicatorCode) {
        return db.sql("select definition->>'categoryZh' as category, definition->>'rectificationSuggestionZh' as suggestion "
                        + "from indicator_copy where code = :code")
                .bind("code", indicatorCode)
                .map(row -> new IndicatorFacts(row.get("category", String.class), row.get("suggestion", String.class)))
                .one()
                .defaultIfEmpty(new IndicatorFacts(null, null));
    }
}
