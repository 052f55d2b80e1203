package org.tijian.projects.drafting;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.RectificationClass;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcProblemCopyStore implements ProblemCopyStore {

    private static final String COLUMNS = "problem_id, check_year, area_code, indicator_code, indicator_name_zh, "
            + "result_value, unit, standard, description, rectification_class, status, status_version";

    private final DatabaseClient db;

    R2dbcProblemCopyStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> insertIfAbsent(OpenProblem p) {
        return db.sql("insert into problem_copy (" + COLUMNS + ") values (:id, :year, :area, :indicator, :name, :value, "
                        + ":unit, :standard, :description, :class, :status, :version) on conflict (problem_id) do nothing")
                .bind("id", p.problemId()).bind("year", p.checkYear()).bind("area", p.areaCode())
                .bind("indicator", p.indicatorCode()).bind("name", p.indicatorNameZh())
                .bind("value", Parameter.fromOrEmpty(p.resultValue(), BigDecimal.class))
                .bind("unit", Parameter.fromOrEmpty(p.unit(), String.class))
                .bind("standard", Parameter.fromOrEmpty(p.standard(), String.class))
                .bind("description", Parameter.fromOrEmpty(p.description(), String.class))
                .bind("class", p.rectificationClass().name()).bind("status", p.status())
                .bind("version", p.statusVersion())
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Mono<OpenProblem> find(UUID problemId) {
        return db.sql("select " + COLUMNS + " from problem_copy where problem_id = :id").bind("id", problemId)
                .map(R2dbcProblemCopyStore::read).one();
    }

    @Override
    public Mono<OpenProblem> find(int checkYear, String indicatorCode, String areaCode) {
        return db.sql("select " + COLUMNS + " from problem_copy where check_year = :year and indicator_code = :indicator "
                        + "and area_code = :area order by status_version desc limit 1")
                .bind("year", checkYear).bind("indicator", indicatorCode).bind("area", areaCode)
                .map(R2dbcProblemCopyStore::read).one();
    }

    @Override
    public Flux<OpenProblem> findAll(List<UUID> problemIds) {
        return db.sql("select " + COLUMNS + " from problem_copy where problem_id = any(cast(:ids as uuid[]))")
                .bind("ids", problemIds.toArray(UUID[]::new))
                .map(R2dbcProblemCopyStore::read).all();
    }

    @Override
    public Mono<Boolean> updateStatus(UUID problemId, String status, long version, RectificationClass rectificationClass) {
        return db.sql("update problem_copy set status = :status, status_version = :version, rectification_class = :class, "
                        + "updated_at = now() where problem_id = :id and status_version < :version")
                .bind("status", status).bind("version", version).bind("class", rectificationClass.name())
                .bind("id", problemId)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Mono<Map<String, String>> areaNames(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select code, name_zh from area_copy where code = any(cast(:codes as text[]))")
                .bind("codes", codes.toArray(String[]::new))
                .map(row -> Map.entry(row.get("code", String.class), row.get("name_zh", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static OpenProblem read(Readable row) {
        return new OpenProblem(row.get("problem_id", UUID.class), row.get("check_year", Integer.class),
                row.get("area_code", String.class), row.get("indicator_code", String.class),
                row.get("indicator_name_zh", String.class), row.get("result_value", BigDecimal.class),
                row.get("unit", String.class), row.get("standard", String.class), row.get("description", String.class),
                RectificationClass.valueOf(row.get("rectification_class", String.class)), row.get("status", String.class),
                row.get("status_version", Long.class));
    }
}
