package org.tijian.evaluation.area;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Derives from the parent links what evaluation rolls up by: each area's path (its ancestors, root first, itself
 * last), its city, and how many buildings, compounds, communities and streets its subtree holds. Refreshed after every
 * area import and at start-up; only rows that differ are written. Takes the area import's merge lock, so it never sees
 * half a merge.
 */
@Repository
public class R2dbcAreaRollup {

    private static final Logger log = LoggerFactory.getLogger(R2dbcAreaRollup.class);

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    R2dbcAreaRollup(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /** Only when some area lacks its path (a tree imported before paths were derived): a full refresh costs minutes. */
    @EventListener(ApplicationReadyEvent.class)
    public void refreshAtStart() {
        db.sql("select exists (select 1 from area where path is null) as stale").map(row -> row.get("stale", Boolean.class))
                .one()
                .filter(stale -> stale)
                .flatMap(stale -> refresh())
                .subscribe(null, e -> log.warn("could not derive the area paths at start-up", e));
    }

    public Mono<Void> refresh() {
        long started = System.nanoTime();
        Mono<Long> paths = db.sql("""
                        with recursive t as (
                          select code, array[code] as path, case when level = 'CITY' then code end as city
                          from area where parent_code is null
                          union all
                          select a.code, t.path || a.code, case when a.level = 'CITY' then a.code else t.city end
                          from area a join t on a.parent_code = t.code
                          where cardinality(t.path) < 16)
                        update area set path = t.path, city_code = t.city from t
                        where area.code = t.code
                          and (area.path is distinct from t.path or area.city_code is distinct from t.city)""")
                .fetch().rowsUpdated();
        Mono<Long> counts = db.sql("""
                        update area set buildings = c.buildings, compounds = c.compounds, communities = c.communities,
                          streets = c.streets
                        from (select unnest(path) as code,
                                count(*) filter (where level = 'BUILDING') as buildings,
                                count(*) filter (where level = 'COMPOUND') as compounds,
                                count(*) filter (where level = 'COMMUNITY') as communities,
                                count(*) filter (where level = 'STREET') as streets
                              from area group by 1) c
                        where area.code = c.code
                          and (area.buildings, area.compounds, area.communities, area.streets)
                              is distinct from (c.buildings, c.compounds, c.communities, c.streets)""")
                .fetch().rowsUpdated();
        return transaction.transactional(db.sql("select pg_advisory_xact_lock(hashtext('tijian.area-tree.merge'))").then()
                        .then(paths).flatMap(p -> counts.map(c -> new long[] {p, c})))
                .doOnNext(changed -> log.info("area rollup: {} paths and {} counts changed in {} ms", changed[0],
                        changed[1], (System.nanoTime() - started) / 1_000_000))
                .then();
    }
}
