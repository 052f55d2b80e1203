package org.tijian.ledger.problem;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcProblemStore implements ProblemStore {

    private static final String COLUMNS = """
            id, check_year, area_code, indicator_code, indicator_name_zh, dimension, result_value, unit, standard,
            description, rectification_class, status, source_result_id, identified_at""";

    private final DatabaseClient db;

    R2dbcProblemStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> insertIfAbsent(Problem p) {
        return db.sql("insert into problem (" + COLUMNS + ") values (:id, :year, :area, :indicator, :nameZh, :dimension, "
                        + ":value, :unit, :standard, :description, :class, :status, :source, :identifiedAt) "
                        + "on conflict (check_year, indicator_code, area_code) do nothing")
                .bind("id", p.id()).bind("year", p.checkYear()).bind("area", p.areaCode())
                .bind("indicator", p.indicatorCode()).bind("nameZh", p.indicatorNameZh())
                .bind("dimension", p.dimension().name())
                .bind("value", Parameter.fromOrEmpty(p.resultValue(), BigDecimal.class))
                .bind("unit", Parameter.fromOrEmpty(p.unit(), String.class))
                .bind("standard", p.standard()).bind("description", p.description())
                .bind("class", p.rectificationClass().name()).bind("status", p.status().name())
                .bind("source", p.sourceResultId()).bind("identifiedAt", p.identifiedAt())
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    @Override
    public Mono<Problem> findById(UUID id) {
        return db.sql("select " + COLUMNS + " from problem where id = :id")
                .bind("id", id).map(R2dbcProblemStore::read).one();
    }

    @Override
    public Flux<Problem> findInSubtree(String areaCode, int checkYear, int limit) {
        return db.sql("select " + COLUMNS + " from problem where area_code like :prefix and check_year = :year "
                        + "order by identified_at, id limit :limit")
                .bind("prefix", areaCode + "%").bind("year", checkYear).bind("limit", limit)
                .map(R2dbcProblemStore::read).all();
    }

    private static Problem read(Readable row) {
        return new Problem(
                row.get("id", UUID.class),
                row.get("check_year", Integer.class),
                row.get("area_code", String.class),
                row.get("indicator_code", String.class),
                row.get("indicator_name_zh", String.class),
                Dimension.valueOf(row.get("dimension", String.class)),
                row.get("result_value", BigDecimal.class),
                row.get("unit", String.class),
                row.get("standard", String.class),
                row.get("description", String.class),
                RectificationClass.valueOf(row.get("rectification_class", String.class)),
                ProblemStatus.valueOf(row.get("status", String.class)),
                row.get("source_result_id", UUID.class),
                row.get("identified_at", OffsetDateTime.class).toInstant());
    }
}
