package org.tijian.evaluation.result;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tijian.contracts.AreaLevel;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.Verdict;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcResultStore implements ResultStore {

    static final String COLUMNS = """
            r.id, r.check_year, r.area_code, r.indicator_code, r.version, r.value, r.unit, r.verdict, r.standard, r.gap,
            r.explanation, r.observation_ids, r.evaluated_at, r.area_level, r.evaluation_level, r.items_failing,
            r.items_surveyed, r.items_total, r.numerator, r.denominator, r.missing, r.grade, r.standard_revision,
            r.detail_zh, r.severity""";

    private final DatabaseClient db;

    R2dbcResultStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<IndicatorResult> findById(UUID id) {
        return db.sql("select " + COLUMNS + " from indicator_result r where r.id = :id")
                .bind("id", id).map(R2dbcResultStore::read).one();
    }

    @Override
    public Flux<IndicatorResult> findByArea(int checkYear, String areaCode) {
        return db.sql("select " + COLUMNS + " from indicator_result r where r.check_year = :year and r.area_code = :area "
                        + "order by r.indicator_code")
                .bind("year", checkYear).bind("area", areaCode).map(R2dbcResultStore::read).all();
    }

    static IndicatorResult read(Readable row) {
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
                row.get("evaluated_at", OffsetDateTime.class).toInstant(),
                level(row.get("area_level", String.class)),
                level(row.get("evaluation_level", String.class)),
                row.get("items_failing", Long.class),
                row.get("items_surveyed", Long.class),
                row.get("items_total", Long.class),
                row.get("numerator", BigDecimal.class),
                row.get("denominator", BigDecimal.class),
                List.of(row.get("missing", String[].class)),
                row.get("grade", String.class),
                Optional.ofNullable(row.get("standard_revision", Long.class)).orElse(0L),
                row.get("detail_zh", String.class),
                row.get("severity", String.class));
    }

    private static AreaLevel level(String name) {
        return name == null ? null : AreaLevel.valueOf(name);
    }
}
