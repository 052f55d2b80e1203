package org.tijian.evaluation.result;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
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
            r.explanation, r.observation_ids, %s, r.area_level, r.evaluation_level, r.items_failing,
            r.items_surveyed, r.items_total, r.numerator, r.denominator, r.missing, r.grade, r.standard_revision,
            r.detail_zh, r.severity""".formatted(R2dbcPendingResults.epochMicrosOf("r.evaluated_at"));

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

    /**
     * A result from a row whose first columns are {@link #COLUMNS}, in that order: read by position (by name, the
     * driver searched the row's columns for every value, a tenth of the service's time when replaying a year).
     */
    static IndicatorResult read(Readable row) {
        return new IndicatorResult(
                row.get(0, UUID.class),
                row.get(1, Integer.class),
                row.get(2, String.class),
                row.get(3, String.class),
                row.get(4, Integer.class),
                row.get(5, BigDecimal.class),
                row.get(6, String.class),
                Verdict.valueOf(row.get(7, String.class)),
                row.get(8, String.class),
                row.get(9, BigDecimal.class),
                row.get(10, String.class),
                List.of(row.get(11, UUID[].class)),
                R2dbcPendingResults.instantOfEpochMicros(row.get(12, Long.class)),
                level(row.get(13, String.class)),
                level(row.get(14, String.class)),
                row.get(15, Long.class),
                row.get(16, Long.class),
                row.get(17, Long.class),
                row.get(18, BigDecimal.class),
                row.get(19, BigDecimal.class),
                List.of(row.get(20, String[].class)),
                row.get(21, String.class),
                Optional.ofNullable(row.get(22, Long.class)).orElse(0L),
                row.get(23, String.class),
                row.get(24, String.class));
    }

    private static AreaLevel level(String name) {
        return name == null ? null : AreaLevel.valueOf(name);
    }
}
