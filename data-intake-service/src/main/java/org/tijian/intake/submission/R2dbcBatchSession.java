package org.tijian.intake.submission;

import io.netty.buffer.ByteBuf;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Wrapped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.connection.SingleConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.kit.bulk.PostgresCopy;
import org.tijian.kit.imports.ImportSummary;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.outbox.EventOutbox;
import reactor.core.publisher.Mono;

/**
 * The database side of one batch, on one connection of its own: rows are copied into temporary tables
 * (private to the batch, never logged, gone with the session), checked there by set-based SQL against
 * the catalog and area copies, and merged into {@code observation} in one transaction with a single
 * outbox row that stands for all their events ({@link R2dbcBatchPublication}). A million-row file costs
 * a few dozen statements, not a million.
 */
final class R2dbcBatchSession implements AutoCloseable {

    /** Units of counted things: values in them are whole numbers. */
    private static final String[] COUNT_UNITS = {"个", "处", "栋", "套", "项", "起", "件", "座", "条", "家", "所", "人", "户"};

    private final Connection connection;
    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final Batch batch;
    private final Scope scope;
    private final boolean pooled;
    /** Current versions the prepared rows replace or withdraw. */
    private long versionsToEnd;
    private boolean takingTurns;
    private boolean prepared;

    /**
     * @param scope area prefixes the department may report for; {@link Scope#unrestricted()} for administrators
     */
    record Scope(List<String> areaCodes, boolean unrestricted) {
    }

    private R2dbcBatchSession(Connection connection, ConnectionFactory connections, Batch batch, Scope scope,
            boolean pooled) {
        this.connection = connection;
        this.pooled = pooled;
        SingleConnectionFactory single = new SingleConnectionFactory(connection, connections.getMetadata(), true);
        this.db = DatabaseClient.create(single);
        this.transaction = TransactionalOperator.create(new R2dbcTransactionManager(single));
        this.batch = batch;
        this.scope = scope;
    }

    private static final String STAGING_TABLES = """
            create temp table if not exists submission_row (row_no integer not null, area_code text not null,
              subject text not null, qualifier text not null, value numeric, unit text, note text, detail jsonb);
            create temp table if not exists submission_problem (row_no integer not null, code text not null, value text);
            create temp table if not exists submission_ready (row_no integer not null, area_code text not null,
              subject text not null, qualifier text not null, value numeric, unit text, note text, detail jsonb,
              current_id uuid, current_revision integer, current_value numeric, current_unit text, current_note text,
              current_detail jsonb, same boolean not null)""";

    /**
     * Opens the batch's session. A large batch gets a connection of its own, outside the pool, so that it
     * can have memory for its temporary tables (PostgreSQL accepts that setting only before a session's
     * first temporary table); a small one borrows a pooled connection, since opening a connection costs
     * more than importing a hundred rows, and reuses the staging tables an earlier batch left there (emptied),
     * since creating and dropping tables costs more than checking a hundred rows.
     */
    static R2dbcBatchSession open(ConnectionFactory connections, Batch batch, Scope scope, boolean large) {
        ConnectionFactory factory = large ? unpooled(connections) : connections;
        Connection connection = Mono.from(factory.create()).block();
        R2dbcBatchSession session = new R2dbcBatchSession(connection, factory, batch, scope, !large);
        if (large) {
            // A million staged rows (about 100 MB) and their sorts should stay in memory.
            session.run("set temp_buffers = '256MB'; set work_mem = '128MB'; " + STAGING_TABLES);
        } else {
            session.run(STAGING_TABLES + "; truncate submission_row, submission_problem, submission_ready");
        }
        return session;
    }

    Mono<Long> copyIn(Publisher<ByteBuf> rows) {
        return PostgresCopy.copyIn(connection, "copy submission_row (" + StagedRow.COPY_COLUMNS + ") from stdin", rows);
    }

    /**
     * Runs every check that needs the catalog, the area tree or other rows; problems land in
     * submission_problem. Checks that look at the same joins run in one pass over the staged rows
     * (one candidate problem per check, kept where it failed), since each pass over a million rows counts.
     */
    void validate(String department) {
        if (!pooled) {
            run("analyze submission_row");
        }
        boolean withdrawing = batch.strategy() == ImportStrategy.DELETE;
        checks("", "submission_row s left join area_copy a on a.code = s.area_code", List.of(
                        new Check("a.code is null", SubmissionError.UNKNOWN_AREA, "s.area_code"),
                        new Check("not :unrestricted and not (s.area_code like any(:prefixes))",
                                SubmissionError.AREA_OUTSIDE_SCOPE, "s.area_code")))
                .bind("unrestricted", scope.unrestricted())
                .bind("prefixes", prefixes(scope.areaCodes()))
                .then().block();
        // Grouping (hashing) finds the few repeated keys faster than sorting a million rows would.
        problems(SubmissionError.DUPLICATE_ROW, """
                select s.row_no, s.area_code || ' ' || s.subject || case when s.qualifier = '' then '' else ' ' || s.qualifier end
                from submission_row s
                join (select area_code, subject, qualifier, min(row_no) as first_row from submission_row
                      group by area_code, subject, qualifier having count(*) > 1) repeated
                  on repeated.area_code = s.area_code and repeated.subject = s.subject and repeated.qualifier = s.qualifier
                where s.row_no > repeated.first_row""");
        db.sql("""
                insert into submission_problem (row_no, code, value)
                select distinct on (s.row_no) s.row_no, :code, l.area_code || coalesce(' ' || l.subject, '') || ' ' || l.reason
                from submission_row s
                join review_lock l on l.released_at is null and l.check_year = :year
                  and s.area_code like l.area_code || '%' and (l.subject is null or l.subject = s.subject)
                order by s.row_no, l.locked_at""")
                .bind("code", SubmissionError.DATA_LOCKED.code()).bind("year", batch.checkYear()).then().block();
        switch (batch.kind()) {
            case VALUE -> validateValues(department, withdrawing);
            case FINDING -> validateFindings(department, withdrawing);
            case SURVEY -> {
                if (!withdrawing) {
                    problems(SubmissionError.OUT_OF_RANGE, "select row_no, value::text from submission_row where value < 0 or value > 100");
                }
            }
            case HOTLINE -> {
                if (!withdrawing) {
                    problems(SubmissionError.WRONG_TYPE, "select row_no, value::text from submission_row where value <> trunc(value)");
                    problems(SubmissionError.OUT_OF_RANGE, "select row_no, value::text from submission_row where value < 0 or value >= 1e9");
                }
            }
        }
    }

    private void validateValues(String department, boolean withdrawing) {
        checks(knownSubjects(), "submission_row s left join known_subject k on k.code = s.subject", List.of(
                        new Check("k.code is null", SubmissionError.UNKNOWN_DATA_ELEMENT, "s.subject"),
                        new Check("cardinality(k.owners) > 0 and not (cast(:department as text) = any(k.owners))",
                                SubmissionError.NOT_OWNER, "s.subject"),
                        new Check("not :withdrawing and s.unit is not null and k.unit is not null and s.unit <> k.unit",
                                SubmissionError.WRONG_UNIT, "s.unit || ' ≠ ' || k.unit"),
                        new Check("not :withdrawing and k.unit = any(:countUnits) and s.value <> trunc(s.value)",
                                SubmissionError.WRONG_TYPE, "s.value::text"),
                        new Check("not :withdrawing and (s.value < 0 or s.value >= 1e12 or (k.unit = '%' and s.value > 100))",
                                SubmissionError.OUT_OF_RANGE, "s.value::text")))
                .bind("department", department).bind("withdrawing", withdrawing).bind("countUnits", COUNT_UNITS)
                .then().block();
    }

    private void validateFindings(String department, boolean withdrawing) {
        checks(knownSubjects(), """
                        submission_row s left join known_subject k on k.code = s.subject
                        left join area_copy a on a.code = s.area_code""", List.of(
                        new Check("k.code is null", SubmissionError.UNKNOWN_INDICATOR, "s.subject"),
                        new Check("cardinality(k.owners) > 0 and not (cast(:department as text) = any(k.owners))",
                                SubmissionError.NOT_OWNER, "s.subject"),
                        new Check("""
                                not :withdrawing and s.detail->>'findingType' is not null
                                  and s.detail->>'findingType' <> k.finding_type""",
                                SubmissionError.FINDING_TYPE_MISMATCH, "s.detail->>'findingType'"),
                        new Check("not :withdrawing and a.level <> k.level", SubmissionError.WRONG_AREA_LEVEL,
                                "s.area_code || ' ' || a.level || ' ≠ ' || k.level"),
                        new Check("not :withdrawing and not (s.area_code like any(:coverage))",
                                SubmissionError.OUTSIDE_COVERAGE, "s.area_code")))
                .bind("department", department).bind("withdrawing", withdrawing)
                .bind("coverage", prefixes(batch.coverage()))
                .then().block();
    }

    /** One check of a staged row: where {@code failed} holds, the row has {@code error}, shown by {@code value}. */
    private record Check(String failed, SubmissionError error, String value) {
    }

    /**
     * Runs several checks in one pass over {@code from} (staged rows {@code s} and what they join), after the
     * common table expressions {@code with}; problems land in submission_problem. The rows that fail no check, nearly all of them, are dropped before any
     * problem's text is built: formatting a value costs more than checking it.
     */
    private DatabaseClient.GenericExecuteSpec checks(String with, String from, List<Check> checks) {
        StringBuilder columns = new StringBuilder("s.row_no");
        StringBuilder problems = new StringBuilder();
        StringBuilder anyFailed = new StringBuilder();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            columns.append(", (").append(check.failed()).append(") as failed").append(i)
                    .append(", (").append(check.value()).append(") as value").append(i);
            problems.append(i == 0 ? "" : ", ").append("(c.failed").append(i).append(", '").append(check.error().code())
                    .append("', c.value").append(i).append(')');
            anyFailed.append(i == 0 ? "" : " or ").append("c.failed").append(i);
        }
        String sql = "insert into submission_problem (row_no, code, value)\n"
                + "select c.row_no, p.code, p.value from (select " + columns + " from " + from + ") c\n"
                + "cross join lateral (values " + problems + ") as p (failed, code, value)\n"
                + "where (" + anyFailed + ") and p.failed";
        return db.sql(with + sql);
    }

    /**
     * What departments may report under each subject, from the catalog copy: for values every declared
     * data element and the value of every computed indicator itself (in the indicator's unit); for
     * findings every item-count indicator with its finding type and evaluation level. A common table
     * expression named {@code known_subject}, to start the statements that need it with.
     */
    private String knownSubjects() {
        if (batch.kind() == ObservationKind.VALUE) {
            // A data element that two indicators share may be reported by either's department; an indicator's own
            // code stands for its value unless it is also a data element's code.
            return """
                    with elements as (
                      select e->>'code' as code, e->>'unit' as unit, i.definition->>'responsibleDepartment' as department
                      from indicator_copy i, jsonb_array_elements(i.definition->'dataElements') e where not i.retired),
                    values_of_indicators as (
                      select i.code, i.unit, i.definition->>'responsibleDepartment' as department from indicator_copy i
                      where not i.retired and i.definition->'computation'->>'type' <> 'ITEM_COUNT'
                        and not exists (select 1 from elements where elements.code = i.code)),
                    known_subject as materialized (
                      select code, min(unit) as unit, array_remove(array_agg(distinct department), null) as owners,
                        null::text as finding_type, null::text as level
                      from (select * from elements union all select * from values_of_indicators) subjects group by code)
                    """;
        }
        if (batch.kind() == ObservationKind.FINDING) {
            return """
                    with known_subject as materialized (
                      select i.code, i.unit, array_remove(array[i.definition->>'responsibleDepartment'], null) as owners,
                        i.definition->'computation'->>'findingType' as finding_type, i.evaluation_level as level
                      from indicator_copy i where not i.retired and i.definition->'computation'->>'type' = 'ITEM_COUNT')
                    """;
        }
        return """
                with known_subject as (select null::text as code, null::text as unit, null::text[] as owners,
                  null::text as finding_type, null::text as level where false)
                """;
    }

    /** A large batch joins what is current as a whole (one hash join over the year). */
    private static final String CURRENT_BY_JOIN = """
            left join observation o on o.status = 'CURRENT' and o.check_year = :year and o.kind = :kind
              and o.area_code = s.area_code and o.subject = s.subject and o.qualifier = s.qualifier""";
    /**
     * A small batch looks each key up in the index: whatever the statistics say about a year that fills up
     * during the submission window, a hundred lookups never turn into reading the whole year.
     */
    private static final String CURRENT_BY_LOOKUP = """
            left join lateral (select * from observation o where o.status = 'CURRENT' and o.area_code = s.area_code
              and o.check_year = :year and o.kind = :kind and o.subject = s.subject and o.qualifier = s.qualifier
              limit 1) o on true""";

    /**
     * Makes batches of the same check year take turns from here to the end of their merge. Batches merge
     * optimistically (see {@link #merge}); one that keeps meeting changes by others takes turns instead, so that
     * a large batch is not starved by a stream of small ones. The lock belongs to this session's connection.
     */
    void takeTurnForCheckYear() {
        takingTurns = true;
        db.sql("select pg_advisory_lock(hashtext('tijian.intake.merge'), :year)").bind("year", batch.checkYear())
                .then().block();
    }

    /**
     * Joins the valid rows with what is current under their keys, then applies the strategy: rows it
     * does not allow become problems too. @return counts {created, updated, withdrawn, unchanged}
     */
    long[] prepare() {
        if (prepared) {
            forgetPreparation();
        }
        prepared = true;
        String unit = switch (batch.kind()) {
            case VALUE -> "coalesce(s.unit, k.unit)";
            case FINDING -> "k.unit";
            default -> "s.unit";
        };
        String detail = batch.kind() == ObservationKind.FINDING
                ? "case when s.detail->>'findingType' is null then s.detail || jsonb_build_object('findingType', k.finding_type) else s.detail end"
                : "s.detail";
        boolean withdrawing = batch.strategy() == ImportStrategy.DELETE;
        if (!pooled) {
            run("analyze submission_problem");
        }
        String insertReady = """
                insert into submission_ready
                select r.*, (not :withdrawing and current_id is not null and current_value is not distinct from value
                    and current_unit is not distinct from unit and current_note is not distinct from note
                    and current_detail is not distinct from detail) as same
                from (select s.row_no, s.area_code, s.subject, s.qualifier, s.value, %s as unit, s.note, %s as detail,
                        o.id as current_id, o.revision as current_revision, o.value as current_value, o.unit as current_unit,
                        o.note as current_note, o.detail as current_detail
                      from submission_row s
                      left join known_subject k on k.code = s.subject
                      %s
                      where not exists (select 1 from submission_problem p where p.row_no = s.row_no)) r"""
                .formatted(unit, detail, pooled ? CURRENT_BY_LOOKUP : CURRENT_BY_JOIN);
        String counting = """
                select count(*) filter (where current_id is null) as created,
                  count(*) filter (where current_id is not null and not same) as updated,
                  count(*) filter (where same) as unchanged, count(*) as total from %s""";
        Function<Readable, long[]> counted = row -> {
            long total = row.get("total", Long.class);
            return withdrawing
                    ? new long[] {0, 0, total, 0}
                    : new long[] {row.get("created", Long.class), row.get("updated", Long.class), 0,
                            row.get("unchanged", Long.class)};
        };
        long[] counts;
        if (batch.strategy() == ImportStrategy.CREATE_AND_UPDATE) {
            // nothing refused by the strategy: count what the insert returns, one round trip less
            counts = readyParameters(db.sql(knownSubjects().strip() + ",\nready as (" + insertReady
                            + "\nreturning current_id, same)\n" + counting.formatted("ready")), withdrawing)
                    .map(counted).one().block();
        } else {
            readyParameters(db.sql(knownSubjects() + insertReady), withdrawing).then().block();
            String keyText = "area_code || ' ' || subject || case when qualifier = '' then '' else ' ' || qualifier end";
            if (batch.strategy() == ImportStrategy.CREATE) {
                strategyProblems(SubmissionError.ALREADY_EXISTS, "current_id is not null", keyText);
            } else {
                strategyProblems(SubmissionError.NOT_FOUND, "current_id is null", keyText);
            }
            counts = db.sql(counting.formatted("submission_ready")).map(counted).one().block();
        }
        versionsToEnd = counts[1] + counts[2];
        return counts;
    }

    /** Undoes {@link #prepare}, whose view of what is current went stale: the problems of the checks stay. */
    private void forgetPreparation() {
        db.sql("delete from submission_ready; delete from submission_problem where code in ('%s', '%s')"
                        .formatted(SubmissionError.ALREADY_EXISTS.code(), SubmissionError.NOT_FOUND.code()))
                .then().block();
    }

    private DatabaseClient.GenericExecuteSpec readyParameters(DatabaseClient.GenericExecuteSpec spec, boolean withdrawing) {
        return spec.bind("withdrawing", withdrawing).bind("year", batch.checkYear()).bind("kind", batch.kind().name());
    }

    private void strategyProblems(SubmissionError error, String condition, String keyText) {
        db.sql("""
                with refused as (delete from submission_ready where %s returning row_no, %s as key)
                insert into submission_problem (row_no, code, value) select row_no, :code, key from refused"""
                        .formatted(condition, keyText))
                .bind("code", error.code()).then().block();
    }

    /** The distinct subjects (data elements, indicators, topics) of the batch's rows. */
    List<String> subjects() {
        return db.sql("select distinct subject from submission_row order by subject")
                .map(row -> row.get("subject", String.class)).all().collectList().block();
    }

    /**
     * Adds the problems found in the database to the summary, grouped by code with their first rows.
     *
     * @return rows with at least one problem
     */
    long summarize(ImportSummary summary) {
        AtomicLong rejectedRows = new AtomicLong();
        db.sql("""
                        select code, count(*) as total,
                          array_agg(row_no order by row_no) filter (where occurrence <= %d) as first_rows,
                          array_agg(coalesce(value, '') order by row_no) filter (where occurrence <= %d) as first_values,
                          (select count(distinct row_no) from submission_problem) as rejected_rows
                        from (select *, row_number() over (partition by code order by row_no) as occurrence
                              from submission_problem) problems
                        group by code order by code"""
                        .formatted(ImportSummary.ROWS_PER_CODE, ImportSummary.ROWS_PER_CODE))
                .map(row -> {
                    Integer[] rows = row.get("first_rows", Integer[].class);
                    String[] values = row.get("first_values", String[].class);
                    List<ImportSummary.Row> first = new ArrayList<>();
                    for (int i = 0; i < rows.length; i++) {
                        first.add(new ImportSummary.Row(rows[i], values[i]));
                    }
                    summary.add(SubmissionError.byCode(row.get("code", String.class)), row.get("total", Long.class), first);
                    rejectedRows.set(row.get("rejected_rows", Long.class));
                    return true;
                })
                .all().blockLast();
        return rejectedRows.get();
    }

    /**
     * Ends the current versions the batch replaces or withdraws, inserts the new versions, writes the one
     * outbox row that publishes their events, then {@code finish} (the batch row and its
     * SubmissionAccepted), all in one transaction: a crash at any point leaves either all of it or none.
     *
     * <p>Optimistic: batches of the same year merge side by side, and a batch whose {@link #prepare} went stale
     * meanwhile (a version it replaces was ended, or a key it creates was created, by a batch that committed
     * first) rolls back and reports it; the caller prepares again and retries.
     *
     * @param outbox an outbox on this session's connection
     * @return false if another batch changed the same keys first and nothing was merged
     */
    boolean merge(String submittedBy, Instant now, TraceParent trace, EventOutbox outbox, Mono<Void> finish) {
        boolean withdrawing = batch.strategy() == ImportStrategy.DELETE;
        Mono<Void> ended = db.sql("""
                        update observation o set status = :status, ended_at = :now, ended_by = :by, ended_in_batch = :batch,
                          ended_at_row = r.row_no
                        from submission_ready r where o.id = r.current_id and not r.same and o.status = 'CURRENT'""")
                .bind("status", withdrawing ? "WITHDRAWN" : "SUPERSEDED").bind("now", now).bind("by", submittedBy)
                .bind("batch", batch.id())
                .fetch().rowsUpdated()
                .flatMap(count -> count == versionsToEnd ? Mono.<Void>empty() : Mono.error(new StalePreparation()));
        Mono<Void> inserted = withdrawing ? Mono.empty() : db.sql("""
                        insert into observation (id, check_year, kind, area_code, subject, qualifier, value, unit, note, detail,
                          department, submitted_by, source_method, received_at, batch_id, row_no, revision, status, supersedes)
                        select (:idPrefix || lpad(to_hex(row_no), 15, '0'))::uuid, :year, :kind, area_code, subject, qualifier, value, unit, note, detail,
                          :department, :by, :sourceMethod, :now, :batch, row_no, coalesce(current_revision, 0) + 1,
                          'CURRENT', current_id
                        from submission_ready where not same""")
                .bind("year", batch.checkYear()).bind("kind", batch.kind().name())
                .bind("department", batch.department()).bind("by", submittedBy)
                .bind("sourceMethod", org.springframework.r2dbc.core.Parameter.fromOrEmpty(batch.sourceMethod(), String.class))
                .bind("now", now).bind("batch", batch.id()).bind("idPrefix", idPrefix(now))
                .then();
        Mono<Void> published = outbox.appendExpansion(
                R2dbcBatchPublication.eventType(batch.kind(), withdrawing), R2dbcBatchPublication.NAME,
                batch.id().toString(), R2dbcBatchPublication.parameters(batch.id(), withdrawing), trace);
        Mono<Void> work = ended.then(inserted).then(published).then(finish);
        return transaction.transactional(work)
                .thenReturn(true)
                .onErrorResume(R2dbcBatchSession::lostToAnotherBatch, e -> Mono.just(false))
                .block();
    }

    /**
     * The first 17 hex digits of the new versions' ids, the row number being the rest: time first, like a
     * version 7 UUID, so that a batch's versions go to the end of the primary key index in order instead of
     * to a million random places (a third of the insert's time). Twelve random bits keep batches of the same
     * millisecond apart; should two still meet, the merge fails on the key and is tried again.
     */
    private static String idPrefix(Instant now) {
        return String.format("%012x7%03x8", now.toEpochMilli(), java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 12));
    }

    /**
     * A key the batch creates was created meanwhile (unique violation on the current version), the batches
     * waited for each other's rows (deadlock), or a version the batch replaces is no longer current.
     */
    private static boolean lostToAnotherBatch(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StalePreparation) {
                return true;
            }
            if (cause instanceof io.r2dbc.spi.R2dbcException r2dbc) {
                String state = r2dbc.getSqlState();
                String message = String.valueOf(r2dbc.getMessage());
                return "23505".equals(state) && (message.contains("observation_current") || message.contains("observation_pkey"))
                        || "40P01".equals(state) || "40001".equals(state);
            }
        }
        return false;
    }

    private static final class StalePreparation extends RuntimeException {

        StalePreparation() {
            super("a version this batch replaces is no longer current", null, false, false);
        }
    }

    /** Runs {@code finish} in a transaction of this session, e.g. to record a batch that changed nothing. */
    void inTransaction(Mono<Void> finish) {
        transaction.transactional(finish).block();
    }

    DatabaseClient client() {
        return db;
    }

    /** Areas whose subtrees are within the given codes: the codes as LIKE prefixes. */
    private static String[] prefixes(List<String> codes) {
        return codes.stream().map(code -> code + "%").toArray(String[]::new);
    }

    /** @param select two columns: the row number and what was wrong in it */
    private void problems(SubmissionError error, String select) {
        db.sql("insert into submission_problem (row_no, code, value) select found.row_no, :code, found.value from ("
                        + select + ") as found (row_no, value)")
                .bind("code", error.code()).then().block();
    }

    private void run(String sql) {
        db.sql(sql).then().block();
    }

    private static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory target = factory;
        while (target instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
            target = inner;
        }
        return target;
    }

    /** Releases the lock: closing the connection does that, returning it to the pool does not. */
    @Override
    public void close() {
        try {
            if (pooled && takingTurns) {
                db.sql("select pg_advisory_unlock_all()").then().block();
            }
        } finally {
            Mono.from(connection.close()).block();
        }
    }
}
