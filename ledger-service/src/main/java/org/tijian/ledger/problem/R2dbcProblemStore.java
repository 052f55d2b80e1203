package org.tijian.ledger.problem;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class R2dbcProblemStore implements ProblemStore {

    /** The problem table's columns in the order {@link #read} and {@link #bindAll} use them. */
    static final String COLUMNS = """
            id, check_year, area_code, area_level, street_code, community_code, compound_code, building_code,
            indicator_code, indicator_name_zh, dimension, result_value, unit, standard, explanation, description,
            severity, rectification_class, class_reason, suggestion, rectification_area, problem_type, responsible_unit,
            deadline, status, overdue, passed_without_report, verified_by, source_result_id, result_version,
            carried_from, identified_at, fixed_at, verified_at, updated_at, version""";
    private static final List<String> NAMES = List.of(COLUMNS.replaceAll("\\s+", "").split(","));

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcProblemStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<Boolean> insertIfAbsent(Problem p) {
        String values = String.join(", ", NAMES.stream().map(n -> ":" + n).toList());
        return bindAll(db.sql("insert into problem (" + COLUMNS + ") values (" + values + ") "
                        + "on conflict (check_year, indicator_code, area_code) do nothing"), p)
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    @Override
    public Mono<Problem> findById(UUID id) {
        return db.sql("select " + COLUMNS + " from problem where id = :id")
                .bind("id", id).map(R2dbcProblemStore::read).one();
    }

    @Override
    public Mono<Problem> lockById(UUID id) {
        return db.sql("select " + COLUMNS + " from problem where id = :id for update")
                .bind("id", id).map(R2dbcProblemStore::read).one();
    }

    @Override
    public Mono<Problem> find(int checkYear, String indicatorCode, String areaCode) {
        return db.sql("select " + COLUMNS + " from problem where check_year = :year and indicator_code = :indicator "
                        + "and area_code = :area for update")
                .bind("year", checkYear).bind("indicator", indicatorCode).bind("area", areaCode)
                .map(R2dbcProblemStore::read).one();
    }

    @Override
    public Mono<Boolean> update(Problem p, long expectedVersion) {
        String assignments = String.join(", ", NAMES.stream().filter(n -> !n.equals("id")).map(n -> n + " = :" + n).toList());
        return bindAll(db.sql("update problem set " + assignments + " where id = :id and version = :expected"), p)
                .bind("expected", expectedVersion)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1);
    }

    @Override
    public Mono<Void> append(HistoryEntry e) {
        return db.sql("insert into problem_history (problem_id, version, at, actor, action, from_status, to_status, "
                        + "reason, payload) values (:problem, :version, :at, :actor, :action, :from, :to, :reason, :payload)")
                .bind("problem", e.problemId()).bind("version", e.version()).bind("at", e.at())
                .bind("actor", e.actor()).bind("action", e.action().name())
                .bind("from", e.fromStatus().name()).bind("to", e.toStatus().name())
                .bind("reason", Parameter.fromOrEmpty(e.reason(), String.class))
                .bind("payload", Json.of(json.writeValueAsBytes(e.payload() == null ? Map.of() : e.payload())))
                .then();
    }

    @Override
    public Flux<HistoryEntry> history(UUID problemId) {
        return db.sql("select problem_id, version, at, actor, action, from_status, to_status, reason, payload::text as payload "
                        + "from problem_history where problem_id = :id order by version")
                .bind("id", problemId)
                .map(row -> new HistoryEntry(row.get("problem_id", UUID.class), row.get("version", Long.class),
                        row.get("at", OffsetDateTime.class).toInstant(), row.get("actor", String.class),
                        Action.valueOf(row.get("action", String.class)),
                        ProblemStatus.valueOf(row.get("from_status", String.class)),
                        ProblemStatus.valueOf(row.get("to_status", String.class)), row.get("reason", String.class),
                        json.readValue(row.get("payload", String.class), new TypeReference<LinkedHashMap<String, Object>>() { })))
                .all();
    }

    @Override
    public Flux<Problem> search(ProblemQuery query) {
        Where where = where(query);
        DatabaseClient.GenericExecuteSpec spec = db.sql("select " + COLUMNS + " from problem" + where.sql
                + " order by " + query.order().sql() + " limit :limit offset :offset");
        spec = where.bind(spec).bind("limit", query.size()).bind("offset", (long) query.page() * query.size());
        return spec.map(R2dbcProblemStore::read).all();
    }

    @Override
    public Mono<Long> count(ProblemQuery query) {
        Where where = where(query);
        return where.bind(db.sql("select count(*) as n from problem" + where.sql))
                .map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Flux<Problem> dueForOverdue(LocalDate today, int limit) {
        return db.sql("select " + COLUMNS + " from problem where not overdue and deadline is not null and deadline < :today "
                        + "and status not in ('REPORTED_FIXED', 'VERIFIED', 'DISMISSED') order by deadline, id limit :limit")
                .bind("today", today).bind("limit", limit)
                .map(R2dbcProblemStore::read).all();
    }

    @Override
    public Flux<Problem> raisable(int checkYear, String areaCode, List<String> indicatorCodes) {
        return db.sql("select " + COLUMNS + " from problem where check_year = :year "
                        + "and indicator_code = any(cast(:indicators as text[])) and rectification_class = 'BEST_EFFORT' "
                        + "and status not in ('REPORTED_FIXED', 'VERIFIED', 'DISMISSED') "
                        + "and (area_code like :area || '%' or :area like area_code || '%') order by area_code, id")
                .bind("year", checkYear).bind("indicators", indicatorCodes.toArray(String[]::new)).bind("area", areaCode)
                .map(R2dbcProblemStore::read).all();
    }

    @Override
    public Flux<Problem> notCarried(int checkYear, String areaCode) {
        return db.sql("select " + COLUMNS + " from problem p where check_year = :year and area_code like :prefix "
                        + "and status not in ('VERIFIED', 'DISMISSED') "
                        + "and not exists (select 1 from problem n where n.carried_from = p.id) order by area_code, id")
                .bind("year", checkYear).bind("prefix", areaCode + "%")
                .map(R2dbcProblemStore::read).all();
    }

    @Override
    public Mono<Boolean> linkOrigin(int checkYear, String indicatorCode, String areaCode, UUID origin) {
        return db.sql("update problem set carried_from = :origin where check_year = :year and indicator_code = :indicator "
                        + "and area_code = :area and carried_from is null")
                .bind("origin", origin).bind("year", checkYear).bind("indicator", indicatorCode).bind("area", areaCode)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    /** The filter of a query as SQL with named parameters; the area subtree by code prefix (area codes extend their parent's). */
    private static Where where(ProblemQuery q) {
        Where w = new Where();
        if (q.areaCode() != null) {
            w.add("area_code like :prefix", "prefix", q.areaCode() + "%");
        }
        if (q.checkYear() != null) {
            w.add("check_year = :year", "year", q.checkYear());
        }
        if (q.dimension() != null) {
            w.add("dimension = :dimension", "dimension", q.dimension().name());
        }
        if (q.rectificationClass() != null) {
            w.add("rectification_class = :class", "class", q.rectificationClass().name());
        }
        if (q.status() != null) {
            w.add("status = :status", "status", q.status().name());
        }
        if (q.responsibleUnit() != null) {
            w.add("responsible_unit = :unit", "unit", q.responsibleUnit());
        }
        if (q.overdue() != null) {
            w.add("overdue = :overdue", "overdue", q.overdue());
        }
        return w;
    }

    private static final class Where {
        String sql = "";
        final Map<String, Object> values = new LinkedHashMap<>();

        void add(String condition, String name, Object value) {
            sql += (sql.isEmpty() ? " where " : " and ") + condition;
            values.put(name, value);
        }

        DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
            for (var entry : values.entrySet()) {
                spec = spec.bind(entry.getKey(), entry.getValue());
            }
            return spec;
        }
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, Problem p) {
        List<Object[]> values = new ArrayList<>();
        values.add(new Object[] {"id", p.id(), UUID.class});
        values.add(new Object[] {"check_year", p.checkYear(), Integer.class});
        values.add(new Object[] {"area_code", p.areaCode(), String.class});
        values.add(new Object[] {"area_level", p.areaLevel() == null ? null : p.areaLevel().name(), String.class});
        values.add(new Object[] {"street_code", p.streetCode(), String.class});
        values.add(new Object[] {"community_code", p.communityCode(), String.class});
        values.add(new Object[] {"compound_code", p.compoundCode(), String.class});
        values.add(new Object[] {"building_code", p.buildingCode(), String.class});
        values.add(new Object[] {"indicator_code", p.indicatorCode(), String.class});
        values.add(new Object[] {"indicator_name_zh", p.indicatorNameZh(), String.class});
        values.add(new Object[] {"dimension", p.dimension().name(), String.class});
        values.add(new Object[] {"result_value", p.resultValue(), BigDecimal.class});
        values.add(new Object[] {"unit", p.unit(), String.class});
        values.add(new Object[] {"standard", p.standard(), String.class});
        values.add(new Object[] {"explanation", p.explanation(), String.class});
        values.add(new Object[] {"description", p.description(), String.class});
        values.add(new Object[] {"severity", p.severity(), String.class});
        values.add(new Object[] {"rectification_class", p.rectificationClass().name(), String.class});
        values.add(new Object[] {"class_reason", p.classReason(), String.class});
        values.add(new Object[] {"suggestion", p.suggestion(), String.class});
        values.add(new Object[] {"rectification_area", p.rectificationArea(), String.class});
        values.add(new Object[] {"problem_type", p.problemType(), String.class});
        values.add(new Object[] {"responsible_unit", p.responsibleUnit(), String.class});
        values.add(new Object[] {"deadline", p.deadline(), LocalDate.class});
        values.add(new Object[] {"status", p.status().name(), String.class});
        values.add(new Object[] {"overdue", p.overdue(), Boolean.class});
        values.add(new Object[] {"passed_without_report", p.passedWithoutReport(), Boolean.class});
        values.add(new Object[] {"verified_by", p.verifiedBy(), String.class});
        values.add(new Object[] {"source_result_id", p.sourceResultId(), UUID.class});
        values.add(new Object[] {"result_version", p.resultVersion(), Integer.class});
        values.add(new Object[] {"carried_from", p.carriedFrom(), UUID.class});
        values.add(new Object[] {"identified_at", p.identifiedAt(), java.time.Instant.class});
        values.add(new Object[] {"fixed_at", p.fixedAt(), java.time.Instant.class});
        values.add(new Object[] {"verified_at", p.verifiedAt(), java.time.Instant.class});
        values.add(new Object[] {"updated_at", p.updatedAt(), java.time.Instant.class});
        values.add(new Object[] {"version", p.version(), Long.class});
        for (Object[] v : values) {
            spec = spec.bind((String) v[0], Parameter.fromOrEmpty(v[1], (Class<?>) v[2]));
        }
        return spec;
    }

    static Problem read(Readable row) {
        String level = row.get("area_level", String.class);
        return new Problem(
                row.get("id", UUID.class),
                row.get("check_year", Integer.class),
                row.get("area_code", String.class),
                level == null ? null : AreaLevel.valueOf(level),
                row.get("street_code", String.class),
                row.get("community_code", String.class),
                row.get("compound_code", String.class),
                row.get("building_code", String.class),
                row.get("indicator_code", String.class),
                row.get("indicator_name_zh", String.class),
                Dimension.valueOf(row.get("dimension", String.class)),
                row.get("result_value", BigDecimal.class),
                row.get("unit", String.class),
                row.get("standard", String.class),
                row.get("explanation", String.class),
                row.get("description", String.class),
                row.get("severity", String.class),
                RectificationClass.valueOf(row.get("rectification_class", String.class)),
                row.get("class_reason", String.class),
                row.get("suggestion", String.class),
                row.get("rectification_area", String.class),
                row.get("problem_type", String.class),
                row.get("responsible_unit", String.class),
                row.get("deadline", LocalDate.class),
                ProblemStatus.valueOf(row.get("status", String.class)),
                Boolean.TRUE.equals(row.get("overdue", Boolean.class)),
                Boolean.TRUE.equals(row.get("passed_without_report", Boolean.class)),
                row.get("verified_by", String.class),
                row.get("source_result_id", UUID.class),
                row.get("result_version", Integer.class),
                row.get("carried_from", UUID.class),
                instant(row, "identified_at"),
                instant(row, "fixed_at"),
                instant(row, "verified_at"),
                instant(row, "updated_at"),
                row.get("version", Long.class));
    }

    private static java.time.Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
