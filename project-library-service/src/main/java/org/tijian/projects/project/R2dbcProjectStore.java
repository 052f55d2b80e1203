package org.tijian.projects.project;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class R2dbcProjectStore implements ProjectStore {

    static final String COLUMNS = """
            id, check_year, plan_year, name, project_type, status, area_codes, construction_content, scale,
            scale_quantity, scale_unit, investment_wan, estimate, expected_effect, department, start_year, end_year,
            priority, time_limited, rule, group_key, edited, progress, batch_id, resolution_number, resolution_date,
            acceptance_record, accepted_on, close_reason, created_at, updated_at, version""";
    private static final List<String> NAMES = List.of(COLUMNS.replaceAll("\\s+", "").split(","));

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcProjectStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<Void> insert(Project p) {
        String values = NAMES.stream().map(n -> ":" + n).collect(Collectors.joining(", "));
        return bindAll(db.sql("insert into project (" + COLUMNS + ") values (" + values + ")"), p)
                .fetch().rowsUpdated()
                .then(writeLinks(p));
    }

    @Override
    public Mono<Boolean> update(Project p, long expectedVersion) {
        String assignments = NAMES.stream().filter(n -> !n.equals("id")).map(n -> n + " = :" + n)
                .collect(Collectors.joining(", "));
        return bindAll(db.sql("update project set " + assignments + " where id = :id and version = :expected"), p)
                .bind("expected", expectedVersion)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? writeLinks(p).thenReturn(true) : Mono.just(false));
    }

    /** Replaces the project's links by its current ones, in one statement (arrays unnested). */
    private Mono<Void> writeLinks(Project p) {
        List<Link> links = p.links();
        Mono<Long> delete = db.sql("delete from project_problem where project_id = :id").bind("id", p.id())
                .fetch().rowsUpdated();
        if (links.isEmpty()) {
            return delete.then();
        }
        Mono<Long> insert = db.sql("""
                        insert into project_problem (project_id, problem_id, indicator_code, indicator_name_zh, area_code,
                          quantity, standard, time_limited, done, active)
                        select :project, l.problem_id, l.indicator_code, l.indicator_name_zh, l.area_code, l.quantity,
                               l.standard, l.time_limited, l.done, :active
                        from unnest(cast(:problems as uuid[]), cast(:indicators as text[]), cast(:names as text[]),
                                    cast(:areas as text[]), cast(:quantities as numeric[]), cast(:standards as text[]),
                                    cast(:limited as boolean[]), cast(:done as boolean[]))
                             as l (problem_id, indicator_code, indicator_name_zh, area_code, quantity, standard,
                                   time_limited, done)""")
                .bind("project", p.id()).bind("active", p.status().active())
                .bind("problems", links.stream().map(Link::problemId).toArray(UUID[]::new))
                .bind("indicators", links.stream().map(Link::indicatorCode).toArray(String[]::new))
                .bind("names", links.stream().map(Link::indicatorNameZh).toArray(String[]::new))
                .bind("areas", links.stream().map(Link::areaCode).toArray(String[]::new))
                .bind("quantities", links.stream().map(Link::quantity).toArray(BigDecimal[]::new))
                .bind("standards", links.stream().map(Link::standard).toArray(String[]::new))
                .bind("limited", links.stream().map(Link::timeLimited).toArray(Boolean[]::new))
                .bind("done", links.stream().map(Link::done).toArray(Boolean[]::new))
                .fetch().rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, e -> new TijianException(ProjectError.PROBLEM_TAKEN,
                        takenProblem(e.getMessage(), links)));
        return delete.then(insert).then();
    }

    private static String takenProblem(String message, List<Link> links) {
        return links.stream().map(l -> l.problemId().toString()).filter(id -> message != null && message.contains(id))
                .findFirst().orElse(links.size() == 1 ? links.get(0).problemId().toString() : "(one of " + links.size() + ")");
    }

    @Override
    public Mono<Project> findById(UUID id) {
        return withLinks(db.sql("select " + COLUMNS + " from project where id = :id for update").bind("id", id)
                .map(R2dbcProjectStore::read).all()).next();
    }

    @Override
    public Mono<Project> draftOf(int checkYear, String groupKey) {
        return withLinks(db.sql("select " + COLUMNS + " from project where check_year = :year and group_key = :key "
                        + "and status = 'DRAFT' for update")
                .bind("year", checkYear).bind("key", groupKey).map(R2dbcProjectStore::read).all()).next();
    }

    @Override
    public Mono<Project> activeHolding(UUID problemId) {
        return withLinks(db.sql("select " + COLUMNS + " from project p where exists (select 1 from project_problem pp "
                        + "where pp.project_id = p.id and pp.problem_id = :problem and pp.active) for update")
                .bind("problem", problemId).map(R2dbcProjectStore::read).all()).next();
    }

    @Override
    public Flux<Project> search(ProjectQuery q) {
        Map<String, Object> values = new LinkedHashMap<>();
        String where = where(q, values);
        DatabaseClient.GenericExecuteSpec spec = db.sql("select " + COLUMNS + " from project" + where
                + " order by plan_year desc, priority, investment_wan desc nulls last, name, id limit :limit offset :offset");
        for (var v : values.entrySet()) {
            spec = spec.bind(v.getKey(), v.getValue());
        }
        return withLinks(spec.bind("limit", q.limit()).bind("offset", q.offset()).map(R2dbcProjectStore::read).all());
    }

    @Override
    public Flux<ProjectSums> sums(ProjectQuery q) {
        Map<String, Object> values = new LinkedHashMap<>();
        String where = where(q, values) + " and status <> 'CANCELLED'";
        // progress: weighted by investment when the group has any, else the plain average (as LibraryTotals explains)
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                select grouping(project_type) = 0 as by_type, grouping(department) = 0 as by_department,
                       grouping(plan_year) = 0 as by_year, project_type, department, plan_year,
                       count(*) as projects, coalesce(sum(investment_wan), 0) as investment,
                       count(*) filter (where status = 'COMPLETED') as completed,
                       round(case when coalesce(sum(investment_wan), 0) > 0
                                  then sum(progress * coalesce(investment_wan, 0)) / sum(coalesce(investment_wan, 0))
                                  else avg(progress) end, 1) as progress
                from project""" + where + """
                 group by grouping sets ((), (project_type), (department), (plan_year))""");
        for (var v : values.entrySet()) {
            spec = spec.bind(v.getKey(), v.getValue());
        }
        return spec.map(row -> {
            String grouping;
            String key;
            if (Boolean.TRUE.equals(row.get("by_type", Boolean.class))) {
                grouping = "TYPE";
                key = row.get("project_type", String.class);
            } else if (Boolean.TRUE.equals(row.get("by_department", Boolean.class))) {
                grouping = "DEPARTMENT";
                String department = row.get("department", String.class);
                key = department == null ? "" : department;
            } else if (Boolean.TRUE.equals(row.get("by_year", Boolean.class))) {
                grouping = "YEAR";
                key = String.valueOf(row.get("plan_year", Integer.class));
            } else {
                grouping = "ALL";
                key = "ALL";
            }
            BigDecimal progress = row.get("progress", BigDecimal.class);
            return new ProjectSums(grouping, key, row.get("projects", Long.class), row.get("investment", BigDecimal.class),
                    row.get("completed", Long.class), progress == null ? BigDecimal.ZERO : progress);
        }).all();
    }

    private static String where(ProjectQuery q, Map<String, Object> values) {
        StringBuilder where = new StringBuilder(" where true");
        if (q.areaCode() != null) {
            // the expression of the index project_area_subtree (V3)
            where.append(" and project_area_prefixes(area_codes) @> array[cast(:area as text)]");
            values.put("area", q.areaCode());
        }
        if (q.planYear() != null) {
            where.append(" and plan_year = :year");
            values.put("year", q.planYear());
        }
        if (q.status() != null) {
            where.append(" and status = :status");
            values.put("status", q.status().name());
        }
        if (q.type() != null) {
            where.append(" and project_type = :type");
            values.put("type", q.type().name());
        }
        if (q.department() != null) {
            where.append(" and department = :department");
            values.put("department", q.department());
        }
        return where.toString();
    }

    @Override
    public Flux<Project> forBatch(int planYear, String areaCode, List<ProjectStatus> statuses) {
        return withLinks(db.sql("select " + COLUMNS + " from project where plan_year = :year "
                        + "and status = any(cast(:statuses as text[])) "
                        + "and not exists (select 1 from unnest(area_codes) a where a not like :prefix) "
                        + "order by priority, name, id for update")
                .bind("year", planYear).bind("prefix", areaCode + "%")
                .bind("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .map(R2dbcProjectStore::read).all());
    }

    @Override
    public Flux<Project> inBatch(UUID batchId) {
        return withLinks(db.sql("select " + COLUMNS + " from project where batch_id = :batch order by priority, name, id "
                        + "for update")
                .bind("batch", batchId).map(R2dbcProjectStore::read).all());
    }

    /** Reads the links of the projects in one query and puts them in. */
    private Flux<Project> withLinks(Flux<Project> projects) {
        return projects.collectList().flatMapMany(list -> {
            if (list.isEmpty()) {
                return Flux.empty();
            }
            return db.sql("select project_id, problem_id, indicator_code, indicator_name_zh, area_code, quantity, standard, "
                            + "time_limited, done from project_problem where project_id = any(cast(:ids as uuid[])) "
                            + "order by area_code, problem_id")
                    .bind("ids", list.stream().map(Project::id).toArray(UUID[]::new))
                    .map(row -> Map.entry(row.get("project_id", UUID.class), new Link(row.get("problem_id", UUID.class),
                            row.get("indicator_code", String.class), row.get("indicator_name_zh", String.class),
                            row.get("area_code", String.class), row.get("quantity", BigDecimal.class),
                            row.get("standard", String.class), Boolean.TRUE.equals(row.get("time_limited", Boolean.class)),
                            Boolean.TRUE.equals(row.get("done", Boolean.class)))))
                    .all().collectList()
                    .flatMapMany(rows -> {
                        Map<UUID, List<Link>> byProject = new LinkedHashMap<>();
                        rows.forEach(e -> byProject.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
                        return Flux.fromIterable(list).map(p -> p.withLinks(byProject.getOrDefault(p.id(), List.of())));
                    });
        });
    }

    @Override
    public Mono<Void> append(HistoryEntry e) {
        return db.sql("insert into project_history (project_id, version, at, actor, action, from_status, to_status, "
                        + "reason, payload) values (:project, :version, :at, :actor, :action, :from, :to, :reason, :payload)")
                .bind("project", e.projectId()).bind("version", e.version()).bind("at", e.at())
                .bind("actor", e.actor()).bind("action", e.action().name())
                .bind("from", Parameter.fromOrEmpty(e.fromStatus() == null ? null : e.fromStatus().name(), String.class))
                .bind("to", e.toStatus().name())
                .bind("reason", Parameter.fromOrEmpty(e.reason(), String.class))
                .bind("payload", Json.of(json.writeValueAsBytes(e.payload() == null ? Map.of() : e.payload())))
                .then();
    }

    @Override
    public Flux<HistoryEntry> history(UUID projectId) {
        return db.sql("select project_id, version, at, actor, action, from_status, to_status, reason, payload::text as payload "
                        + "from project_history where project_id = :id order by version")
                .bind("id", projectId)
                .map(row -> {
                    String from = row.get("from_status", String.class);
                    return new HistoryEntry(row.get("project_id", UUID.class), row.get("version", Long.class),
                            row.get("at", OffsetDateTime.class).toInstant(), row.get("actor", String.class),
                            Action.valueOf(row.get("action", String.class)), from == null ? null : ProjectStatus.valueOf(from),
                            ProjectStatus.valueOf(row.get("to_status", String.class)), row.get("reason", String.class),
                            json.readValue(row.get("payload", String.class),
                                    new TypeReference<LinkedHashMap<String, Object>>() { }));
                })
                .all();
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, Project p) {
        Object[][] values = {
            {"id", p.id(), UUID.class}, {"check_year", p.checkYear(), Integer.class},
            {"plan_year", p.planYear(), Integer.class}, {"name", p.name(), String.class},
            {"project_type", p.type().name(), String.class}, {"status", p.status().name(), String.class},
            {"area_codes", p.areaCodes().toArray(String[]::new), String[].class},
            {"construction_content", p.constructionContent(), String.class}, {"scale", p.scale(), String.class},
            {"scale_quantity", p.scaleQuantity(), BigDecimal.class}, {"scale_unit", p.scaleUnit(), String.class},
            {"investment_wan", p.investmentWan(), BigDecimal.class}, {"estimate", p.estimate(), String.class},
            {"expected_effect", p.expectedEffect(), String.class}, {"department", p.department(), String.class},
            {"start_year", p.startYear(), Integer.class}, {"end_year", p.endYear(), Integer.class},
            {"priority", p.priority(), Integer.class}, {"time_limited", p.timeLimited(), Boolean.class},
            {"rule", p.rule(), String.class}, {"group_key", p.groupKey(), String.class},
            {"edited", p.edited(), Boolean.class}, {"progress", p.progress(), BigDecimal.class},
            {"batch_id", p.batchId(), UUID.class}, {"resolution_number", p.resolutionNumber(), String.class},
            {"resolution_date", p.resolutionDate(), LocalDate.class},
            {"acceptance_record", p.acceptanceRecord(), String.class}, {"accepted_on", p.acceptedOn(), LocalDate.class},
            {"close_reason", p.closeReason(), String.class}, {"created_at", p.createdAt(), Instant.class},
            {"updated_at", p.updatedAt(), Instant.class}, {"version", p.version(), Long.class}};
        for (Object[] v : values) {
            spec = spec.bind((String) v[0], Parameter.fromOrEmpty(v[1], (Class<?>) v[2]));
        }
        return spec;
    }

    static Project read(Readable row) {
        return new Project(
                row.get("id", UUID.class),
                row.get("check_year", Integer.class),
                row.get("plan_year", Integer.class),
                row.get("name", String.class),
                ProjectType.valueOf(row.get("project_type", String.class)),
                ProjectStatus.valueOf(row.get("status", String.class)),
                List.of(row.get("area_codes", String[].class)),
                row.get("construction_content", String.class),
                row.get("scale", String.class),
                row.get("scale_quantity", BigDecimal.class),
                row.get("scale_unit", String.class),
                row.get("investment_wan", BigDecimal.class),
                row.get("estimate", String.class),
                row.get("expected_effect", String.class),
                row.get("department", String.class),
                row.get("start_year", Integer.class),
                row.get("end_year", Integer.class),
                row.get("priority", Integer.class),
                Boolean.TRUE.equals(row.get("time_limited", Boolean.class)),
                row.get("rule", String.class),
                row.get("group_key", String.class),
                Boolean.TRUE.equals(row.get("edited", Boolean.class)),
                List.of(),
                row.get("progress", BigDecimal.class),
                row.get("batch_id", UUID.class),
                row.get("resolution_number", String.class),
                row.get("resolution_date", LocalDate.class),
                row.get("acceptance_record", String.class),
                row.get("accepted_on", LocalDate.class),
                row.get("close_reason", String.class),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                row.get("version", Long.class));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
