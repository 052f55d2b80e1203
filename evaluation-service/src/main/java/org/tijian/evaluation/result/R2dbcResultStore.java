package org.tijian.evaluation.result;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.Verdict;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcResultStore implements ResultStore {

    private static final String COLUMNS = """
            id, check_year, area_code, indicator_code, version, value, unit, verdict, standard, gap, explanation,
            observation_ids, evaluated_at""";

    private final DatabaseClient db;

    R2dbcResultStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<IndicatorResult> find(int checkYear, String areaCode, String indicatorCode) {
        return db.sql("select " + COLUMNS + " from indicator_result "
                        + "where check_year = :year and area_code = :area and indicator_code = :indicator")
                .bind("year", checkYear).bind("area", areaCode).bind("indicator", indicatorCode)
                .map(R2dbcResultStore::read).one();
    }

    @Override
    public Mono<IndicatorResult> findById(UUID id) {
        return db.sql("select " + COLUMNS + " from indicator_result where id = :id")
                .bind("id", id).map(R2dbcResultStore::read).one();
    }

    @Override
    public Flux<IndicatorResult> findByArea(int checkYear, String areaCode) {
        return db.sql("select " + COLUMNS + " from indicator_result where check_year = :year and area_code = :area "
                        + "order by indicator_code")
                .bind("year", checkYear).bind("area", areaCode).map(R2dbcResultStore::read).all();
    }

    @Override
    public Flux<IndicatorResult> page(int checkYear, String indicatorCode, UUID afterId, int limit) {
        return db.sql("select " + COLUMNS + " from indicator_result where check_year = :year and indicator_code = :indicator "
                        + "and id > :after order by id limit :limit")
                .bind("year", checkYear).bind("indicator", indicatorCode)
                .bind("after", afterId == null ? new UUID(0, 0) : afterId)
                .bind("limit", limit)
                .map(R2dbcResultStore::read).all();
    }

    @Override
    public Mono<Void> save(IndicatorResult r) {
        Mono<Long> current = db.sql("""
                        insert into indicator_result (id, check_year, area_code, indicator_code, version, value, unit,
                          verdict, standard, gap, explanation, observation_ids, evaluated_at)
                        values (:id, :year, :area, :indicator, :version, :value, :unit, :verdict, :standard, :gap,
                          :explanation, :observations, :evaluatedAt)
                        on conflict (id) do update set version = excluded.version, value = excluded.value,
                          unit = excluded.unit, verdict = excluded.verdict, standard = excluded.standard,
                          gap = excluded.gap, explanation = excluded.explanation,
                          observation_ids = excluded.observation_ids, evaluated_at = excluded.evaluated_at""")
                .bind("id", r.id()).bind("year", r.checkYear()).bind("area", r.areaCode())
                .bind("indicator", r.indicatorCode()).bind("version", r.version())
                .bind("value", Parameter.fromOrEmpty(r.value(), BigDecimal.class))
                .bind("unit", Parameter.fromOrEmpty(r.unit(), String.class))
                .bind("verdict", r.verdict().name()).bind("standard", r.standard())
                .bind("gap", Parameter.fromOrEmpty(r.gap(), BigDecimal.class))
                .bind("explanation", r.explanation())
                .bind("observations", r.observationIds().toArray(UUID[]::new))
                .bind("evaluatedAt", r.evaluatedAt())
                .fetch().rowsUpdated();
        Mono<Long> history = db.sql("""
                        insert into indicator_result_history (result_id, version, value, verdict, standard, gap,
                          explanation, observation_ids, evaluated_at)
                        select id, version, value, verdict, standard, gap, explanation, observation_ids, evaluated_at
                        from indicator_result where id = :id""")
                .bind("id", r.id())
                .fetch().rowsUpdated();
        return current.then(history).then();
    }

    private static IndicatorResult read(Readable row) {
        return new IndicatorResult(
                row.get("id", UUID.class),
                row.get("check_year", Integer.class),
                row.get("area_code", String.class),
                row.get("indicator_code", String.class),
                row.get("version", Integer.class),
                row.get("value", BigDecimal.class),
                row.get("unit", String.class),
                Verdict.valueOf(row.get("verdict", String.class)),
                row.get("standard", String.class),
                row.get("gap", BigDecimal.class),
                row.get("explanation", String.class),
                List.of(row.get("observation_ids", UUID[].class)),
                row.get("evaluated_at", OffsetDateTime.class).toInstant());
    }
}
