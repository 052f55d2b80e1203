package org.tijian.evaluation.area;

import org.tijian.kit.imports.ImportSummary;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.AreaLevel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class R2dbcAreaStore implements AreaStore {

    private static final String COLUMNS = """
            code, name_zh, level, parent_code, city_class, population, built_up_area_km2, residential_land_area_km2,
            geometry::text as geometry, size_class""";

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcAreaStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<Area> find(String code) {
        return db.sql("select " + COLUMNS + " from area where code = :code").bind("code", code)
                .map(R2dbcAreaStore::read).one();
    }

    @Override
    public Mono<Area> city(String code) {
        return db.sql("""
                        with recursive up as (
                          select code, parent_code, level, 0 as depth from area where code = :code
                          union all
                          select a.code, a.parent_code, a.level, u.depth + 1 from area a join up u on a.code = u.parent_code
                          where u.level <> 'CITY' and u.depth < 16)
                        select a.code, a.name_zh, a.level, a.parent_code, a.city_class, a.population, a.built_up_area_km2,
                               a.residential_land_area_km2, a.geometry::text as geometry, a.size_class
                        from up join area a on a.code = up.code where up.level = 'CITY'""")
                .bind("code", code).map(R2dbcAreaStore::read).one();
    }

    @Override
    public Flux<Area> children(String code, String afterCode, int limit) {
        return db.sql("select " + COLUMNS + " from area where parent_code = :code and code > :after order by code limit :limit")
                .bind("code", code).bind("after", afterCode == null ? "" : afterCode).bind("limit", limit)
                .map(R2dbcAreaStore::read).all();
    }

    @Override
    public Mono<Long> countChildren(String code) {
        return db.sql("select count(*) as children from area where parent_code = :code").bind("code", code)
                .map(row -> row.get("children", Long.class)).one();
    }

    @Override
    public Flux<Area> subtree(String rootCode) {
        return db.sql("""
                        with recursive tree as (
                          select code, 0 as depth from area where code = :root
                          union all
                          select a.code, t.depth + 1 from area a join tree t on a.parent_code = t.code where t.depth < 16)
                        select a.code, a.name_zh, a.level, a.parent_code, a.city_class, a.population, a.built_up_area_km2,
                               a.residential_land_area_km2, a.geometry::text as geometry, a.size_class
                        from tree t join area a on a.code = t.code
                        order by a.level_rank, a.code""")
                .bind("root", rootCode).map(R2dbcAreaStore::read).all();
    }

    @Override
    public Mono<List<String>> ancestors(String code) {
        return db.sql("""
                        with recursive up as (
                          select parent_code, 1 as depth from area where code = :code
                          union all
                          select a.parent_code, u.depth + 1 from area a join up u on a.code = u.parent_code
                          where u.depth < 16)
                        select parent_code from up where parent_code is not null order by depth desc""")
                .bind("code", code).map(row -> row.get("parent_code", String.class)).all().collectList();
    }

    @Override
    public Mono<Void> saveJob(ImportJob job) {
        return db.sql("""
                        insert into area_import_job (id, format, status, submitted_by, rows_read, created, updated, unchanged,
                          rejected, errors, message, started_at, finished_at)
                        values (:id, :format, :status, :by, :read, :created, :updated, :unchanged, :rejected, :errors,
                          :message, :started, :finished)
                        on conflict (id) do update set status = excluded.status, rows_read = excluded.rows_read,
                          created = excluded.created, updated = excluded.updated, unchanged = excluded.unchanged,
                          rejected = excluded.rejected, errors = excluded.errors, message = excluded.message,
                          finished_at = excluded.finished_at""")
                .bind("id", job.id()).bind("format", job.format()).bind("status", job.status().name())
                .bind("by", job.submittedBy()).bind("read", job.rowsRead()).bind("created", job.created())
                .bind("updated", job.updated()).bind("unchanged", job.unchanged()).bind("rejected", job.rejected())
                .bind("errors", Json.of(json.writeValueAsBytes(job.errors())))
                .bind("message", Parameter.fromOrEmpty(job.message(), String.class))
                .bind("started", job.startedAt())
                .bind("finished", Parameter.fromOrEmpty(job.finishedAt(), Instant.class))
                .then();
    }

    @Override
    public Mono<ImportJob> findJob(UUID id) {
        return db.sql("select * from area_import_job where id = :id").bind("id", id)
                .map(row -> {
                    OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
                    return new ImportJob(row.get("id", UUID.class), row.get("format", String.class),
                            ImportJob.Status.valueOf(row.get("status", String.class)), row.get("submitted_by", String.class),
                            row.get("rows_read", Long.class), row.get("created", Long.class), row.get("updated", Long.class),
                            row.get("unchanged", Long.class), row.get("rejected", Long.class),
                            json.readValue(row.get("errors", Json.class).asArray(),
                                    new TypeReference<List<ImportSummary.Group>>() { }),
                            row.get("message", String.class), row.get("started_at", OffsetDateTime.class).toInstant(),
                            finished == null ? null : finished.toInstant());
                }).one();
    }

    static Area read(Readable row) {
        return new Area(
                row.get("code", String.class),
                row.get("name_zh", String.class),
                AreaLevel.valueOf(row.get("level", String.class)),
                row.get("parent_code", String.class),
                row.get("city_class", String.class),
                row.get("population", Long.class),
                row.get("built_up_area_km2", BigDecimal.class),
                row.get("residential_land_area_km2", BigDecimal.class),
                row.get("geometry", String.class),
                row.get("size_class", String.class));
    }
}
