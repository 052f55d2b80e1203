package org.tijian.evaluation.area;

import org.tijian.kit.imports.RowProblem;
import io.netty.buffer.ByteBuf;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.EventType;
import org.tijian.kit.bulk.PostgresCopy;
import org.tijian.kit.messaging.TraceParent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bulk side of area imports: rows go into the unlogged staging table by COPY, are checked
 * there by set-based SQL (duplicates, parents, level order, cycles), and are merged into the tree
 * together with their AreaDefined outbox rows in one statement, so a province's file costs a few
 * round trips, not millions.
 */
@Repository
class R2dbcAreaImports {

    /** Rows of one import file, first occurrence of each code. */
    private static final String STAGED = """
            staged as (select distinct on (code) * from area_import_row where job_id = :job order by code, row_no)""";

    private final ConnectionFactory connections;
    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    R2dbcAreaImports(ConnectionFactory connections, DatabaseClient db, TransactionalOperator transaction) {
        this.connections = connections;
        this.db = db;
        this.transaction = transaction;
    }

    /** Streams COPY text-format data (see {@link AreaCopyFormat}) into the staging table. */
    /**
     * One COPY per {@code CHUNKS_PER_COPY} chunks: the driver gathers a COPY's data in one direct buffer before it
     * sends it, so a single COPY of two million areas (230 MB) would not fit a service's memory.
     */
    Mono<Long> copyIn(Publisher<ByteBuf> rows) {
        return Mono.usingWhen(connections.create(),
                connection -> Flux.from(rows).window(CHUNKS_PER_COPY)
                        .concatMap(chunks -> PostgresCopy.copyIn(connection, """
                                copy area_import_row (job_id, row_no, code, name_zh, level, level_rank, parent_code,
                                  city_class, population, built_up_area_km2, residential_land_area_km2, geometry, size_class)
                                from stdin""", chunks))
                        .reduce(0L, Long::sum),
                Connection::close);
    }

    private static final int CHUNKS_PER_COPY = 10;

    Flux<RowProblem> duplicates(UUID job) {
        return problems(job, AreaError.DUPLICATE_CODE, """
                select row_no, code as value from (
                  select row_no, code, row_number() over (partition by code order by row_no) as occurrence
                  from area_import_row where job_id = :job) rows
                where occurrence > 1""");
    }

    Flux<RowProblem> missingParents(UUID job) {
        return problems(job, AreaError.MISSING_PARENT, "with " + STAGED + """
                select row_no, code as value from staged where parent_code is null and level <> 'PROVINCE'""");
    }

    Flux<RowProblem> unknownParents(UUID job) {
        return problems(job, AreaError.UNKNOWN_PARENT, "with " + STAGED + """
                select s.row_no, s.parent_code as value from staged s
                where s.parent_code is not null
                  and not exists (select 1 from staged p where p.code = s.parent_code)
                  and not exists (select 1 from area a where a.code = s.parent_code)""");
    }

    /** Rows whose parent (in the file, else in the tree) is not of a higher level. */
    Flux<RowProblem> levelOrder(UUID job) {
        return problems(job, AreaError.LEVEL_ORDER, "with " + STAGED + """
                select s.row_no, s.code as value from staged s
                left join staged p on p.code = s.parent_code
                left join area a on a.code = s.parent_code
                where s.parent_code is not null and coalesce(p.level_rank, a.level_rank) >= s.level_rank""");
    }

    /** Areas whose new level would put them at or below children they keep in the tree. */
    Flux<RowProblem> childrenAbove(UUID job) {
        return problems(job, AreaError.CHILDREN_ABOVE, "with " + STAGED + """
                select distinct s.row_no, s.code as value from staged s
                join area c on c.parent_code = s.code
                where c.level_rank <= s.level_rank and not exists (select 1 from staged s2 where s2.code = c.code)""");
    }

    /** Codes among {@code candidates} whose chain of parents in the file leads back to themselves. */
    Flux<String> inCycles(UUID job, List<String> candidates) {
        if (candidates.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("with recursive " + STAGED + """
                        , walk (start_code, code, depth) as (
                          select code, parent_code, 1 from staged where code = any(:candidates)
                          union all
                          select w.start_code, s.parent_code, w.depth + 1 from walk w join staged s on s.code = w.code
                          where w.code <> w.start_code and w.depth < 64 and s.parent_code is not null)
                        select distinct start_code from walk where code = start_code""")
                .bind("job", job).bind("candidates", candidates.toArray(String[]::new))
                .map(row -> row.get("start_code", String.class)).all();
    }

    /**
     * Writes the checked rows into the tree and an AreaDefined outbox row for each area created or
     * changed, in one transaction. @return {created, updated}
     */
    Mono<long[]> merge(UUID job, String source) {
        EventType type = EventType.AREA_DEFINED;
        Mono<long[]> merged = db.sql("""
                        with staged as (select * from area_import_row where job_id = :job),
                        changed as (
                          insert into area (code, name_zh, level, level_rank, parent_code, city_class, population,
                            built_up_area_km2, residential_land_area_km2, geometry, size_class, updated_at)
                          select code, name_zh, level, level_rank, parent_code, city_class, population, built_up_area_km2,
                            residential_land_area_km2, geometry, size_class, now() from staged
                          on conflict (code) do update set name_zh = excluded.name_zh, level = excluded.level,
                            level_rank = excluded.level_rank, parent_code = excluded.parent_code,
                            city_class = excluded.city_class, population = excluded.population,
                            built_up_area_km2 = excluded.built_up_area_km2,
                            residential_land_area_km2 = excluded.residential_land_area_km2,
                            geometry = excluded.geometry, size_class = excluded.size_class, updated_at = now()
                          where (area.name_zh, area.level, area.parent_code, area.city_class, area.population,
                                 area.built_up_area_km2, area.residential_land_area_km2, area.geometry, area.size_class)
                            is distinct from (excluded.name_zh, excluded.level, excluded.parent_code, excluded.city_class,
                                 excluded.population, excluded.built_up_area_km2, excluded.residential_land_area_km2,
                                 excluded.geometry, excluded.size_class)
                          returning code, name_zh, level, parent_code, city_class, population, built_up_area_km2,
                            residential_land_area_km2, size_class, (xmax = 0) as inserted),
                        published as (
                          insert into outbox_event (event_id, topic, message_key, event_type, source, subject, traceparent,
                            occurred_at, payload)
                          select gen_random_uuid(), :topic, code, :type, :source, code, :traceparent, now(),
                            jsonb_build_object('code', code, 'nameZh', name_zh, 'level', level, 'parentCode', parent_code,
                              'cityClass', city_class, 'population', population, 'builtUpAreaKm2', built_up_area_km2,
                              'residentialLandAreaKm2', residential_land_area_km2, 'sizeClass', size_class)
                          from changed)
                        select count(*) filter (where inserted) as created, count(*) filter (where not inserted) as updated
                        from changed""")
                .bind("job", job).bind("topic", type.topic()).bind("type", type.cloudEventType())
                .bind("source", source).bind("traceparent", TraceParent.newRoot().header())
                .map(row -> new long[] {row.get("created", Long.class), row.get("updated", Long.class)})
                .one();
        // Two replicas merging at once could deadlock on overlapping rows: merges take turns.
        Mono<Void> mergesTakeTurns = db.sql("select pg_advisory_xact_lock(hashtext('tijian.area-tree.merge'))").then();
        return transaction.transactional(mergesTakeTurns.then(merged));
    }

    Mono<Void> discard(UUID job) {
        return db.sql("delete from area_import_row where job_id = :job").bind("job", job).then();
    }

    /** Keeps the given running imports of this instance from being taken for abandoned. */
    Mono<Void> heartbeat(Collection<UUID> jobs) {
        if (jobs.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update area_import_job set heartbeat_at = now() where id = any(:jobs) and status = 'RUNNING'")
                .bind("jobs", jobs.toArray(UUID[]::new)).then();
    }

    /**
     * Fails imports whose instance stopped (no heartbeat for {@code silence}) and drops their staged
     * rows; they can simply be submitted again. Any replica may run it; imports of live replicas stay.
     */
    Mono<Long> failAbandoned(Duration silence) {
        return db.sql("""
                        with abandoned as (
                          update area_import_job set status = 'FAILED', finished_at = now(),
                            message = 'interrupted: the service instance running it stopped; nothing was changed, submit the file again'
                          where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :seconds)
                          returning id),
                        dropped as (delete from area_import_row where job_id in (select id from abandoned))
                        select count(*) as failed from abandoned""")
                .bind("seconds", (double) silence.toSeconds())
                .map(row -> row.get("failed", Long.class)).one();
    }

    private Flux<RowProblem> problems(UUID job, AreaError error, String sql) {
        return db.sql(sql).bind("job", job)
                .map(row -> new RowProblem(row.get("row_no", Integer.class), error, row.get("value", String.class)))
                .all();
    }
}
