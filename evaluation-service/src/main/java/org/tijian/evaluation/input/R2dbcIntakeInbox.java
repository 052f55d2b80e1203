package org.tijian.evaluation.input;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import io.netty.buffer.ByteBuf;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.catalog.ComputationType;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.contracts.intake.ObservationWithdrawn;
import org.tijian.contracts.intake.SubmissionAccepted;
import org.tijian.evaluation.result.IndicatorIndex;
import org.tijian.evaluation.result.R2dbcPendingResults;
import org.tijian.evaluation.result.ResultKey;
import org.tijian.evaluation.result.TouchedResults;
import org.tijian.kit.bulk.CopyText;
import org.tijian.kit.bulk.PostgresCopy;
import reactor.core.publisher.Mono;

/**
 * Stores what intake reported, every version under its own id ({@code on conflict do nothing}: a record delivered
 * twice is stored once and counted once), and names the results it touches, which the listener computes in the same
 * transaction. Nothing is incremented, every result is computed again from the current inputs, so a repeated delivery
 * changes nothing.
 */
@Repository
class R2dbcIntakeInbox {

    private final DatabaseClient db;

    R2dbcIntakeInbox(DatabaseClient db) {
        this.db = db;
    }

    /**
     * @return the results the poll's values, findings and withdrawals touch, with their cause's traceparent and the
     *     poll's own current findings
     */
    Mono<TouchedResults> store(IntakePoll poll, IndicatorIndex index) {
        Map<ResultKey, String> touched = new LinkedHashMap<>();
        Set<ResultKey> readBack = new LinkedHashSet<>();
        for (ObservationAccepted v : poll.values()) {
            index.usingElement(v.dataElement()).forEach(i -> touched.putIfAbsent(
                    new ResultKey(v.checkYear(), i.code(), v.areaCode()), poll.traceOf(v)));
        }
        for (FindingReported f : poll.findings()) {
            ResultKey key = new ResultKey(f.checkYear(), f.indicatorCode(), f.areaCode());
            touched.putIfAbsent(key, poll.traceOf(f));
            IndicatorDefined indicator = index.find(f.indicatorCode());
            if (indicator == null || indicator.retired()) {
                readBack.add(key);
            }
        }
        for (ObservationWithdrawn w : poll.withdrawals()) {
            if (w.kind() == ObservationKind.VALUE) {
                index.usingElement(w.subject()).forEach(i -> touched.putIfAbsent(
                        new ResultKey(w.checkYear(), i.code(), w.areaCode()), poll.traceOf(w)));
            } else if (w.kind() == ObservationKind.FINDING) {
                ResultKey key = new ResultKey(w.checkYear(), w.subject(), w.areaCode());
                touched.putIfAbsent(key, poll.traceOf(w));
                readBack.add(key);
            }
        }
        TouchedResults result = new TouchedResults(touched, PollFindings.current(poll.findings(), readBack));
        return values(poll.values())
                .then(findings(poll.findings()))
                .then(withdrawals(poll.withdrawals()))
                .then(readBack(readBack))
                .then(coverage(poll.submissions(), index))
                .thenReturn(result);
    }

    private Mono<Void> values(List<ObservationAccepted> values) {
        if (values.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into observed_value (observation_id, check_year, area_code, data_element, value, unit,
                          revision, supersedes, department, batch_id, row_no, accepted_at)
                        select id, y, a, e, v, u, r, s, d, b, n, timestamptz 'epoch' + t * interval '1 microsecond'
                        from unnest(cast(:id as uuid[]), cast(:y as int[]), cast(:a as text[]), cast(:e as text[]),
                          cast(:v as numeric[]), cast(:u as text[]), cast(:r as int[]), cast(:s as uuid[]),
                          cast(:d as text[]), cast(:b as uuid[]), cast(:n as int[]), cast(:t as bigint[]))
                          as x(id, y, a, e, v, u, r, s, d, b, n, t)
                        on conflict (observation_id) do nothing""")
                .bind("id", column(values, ObservationAccepted::observationId, UUID[]::new))
                .bind("y", column(values, ObservationAccepted::checkYear, Integer[]::new))
                .bind("a", column(values, ObservationAccepted::areaCode, String[]::new))
                .bind("e", column(values, ObservationAccepted::dataElement, String[]::new))
                .bind("v", column(values, ObservationAccepted::value, BigDecimal[]::new))
                .bind("u", column(values, ObservationAccepted::unit, String[]::new))
                .bind("r", column(values, o -> o.revision() == null ? 1 : o.revision(), Integer[]::new))
                .bind("s", column(values, ObservationAccepted::supersedes, UUID[]::new))
                .bind("d", column(values, ObservationAccepted::department, String[]::new))
                .bind("b", column(values, ObservationAccepted::batchId, UUID[]::new))
                .bind("n", column(values, ObservationAccepted::rowNo, Integer[]::new))
                .bind("t", column(values, o -> R2dbcPendingResults.epochMicros(o.acceptedAt()), Long[]::new))
                .then();
    }

    /**
     * Copies the findings in (a replay's polls hold two thousand each, nearly all new), or, where one of them is stored
     * already (delivered again), inserts them skipping those.
     */
    private Mono<Void> findings(List<FindingReported> findings) {
        if (findings.isEmpty()) {
            return Mono.empty();
        }
        return db.inConnection(connection -> PostgresCopy.copyInUnlessTaken(connection, """
                        copy finding (finding_id, check_year, indicator_code, area_code, finding_type, severity,
                          description_zh, revision, supersedes, department, batch_id, row_no, reported_at) from stdin""",
                        Mono.fromSupplier(() -> copyRows(findings))))
                .flatMap(copied -> copied ? Mono.empty() : insertSkippingStored(findings));
    }

    private static ByteBuf copyRows(List<FindingReported> findings) {
        CopyText rows = new CopyText(findings.size() * 256);
        for (FindingReported f : findings) {
            rows.field(f.findingId()).field(f.checkYear()).field(f.indicatorCode()).field(f.areaCode())
                    .field(PollFindings.type(f)).field(f.severity()).field(f.descriptionZh()).field(f.revision())
                    .field(f.supersedes()).field(f.department()).field(f.batchId()).field(f.rowNo())
                    .field(f.reportedAt()).endRow();
        }
        return rows.utf8();
    }

    private Mono<Void> insertSkippingStored(List<FindingReported> findings) {
        return db.sql("""
                        insert into finding (finding_id, check_year, indicator_code, area_code, finding_type, severity,
                          description_zh, revision, supersedes, department, batch_id, row_no, reported_at)
                        select id, y, i, a, ft, sv, ds, r, s, d, b, n, timestamptz 'epoch' + t * interval '1 microsecond'
                        from unnest(cast(:id as uuid[]), cast(:y as int[]), cast(:i as text[]), cast(:a as text[]),
                          cast(:ft as text[]), cast(:sv as text[]), cast(:ds as text[]), cast(:r as int[]),
                          cast(:s as uuid[]), cast(:d as text[]), cast(:b as uuid[]), cast(:n as int[]),
                          cast(:t as bigint[]))
                          as x(id, y, i, a, ft, sv, ds, r, s, d, b, n, t)
                        on conflict (finding_id) do nothing""")
                .bind("id", column(findings, FindingReported::findingId, UUID[]::new))
                .bind("y", column(findings, FindingReported::checkYear, Integer[]::new))
                .bind("i", column(findings, FindingReported::indicatorCode, String[]::new))
                .bind("a", column(findings, FindingReported::areaCode, String[]::new))
                .bind("ft", column(findings, PollFindings::type, String[]::new))
                .bind("sv", column(findings, FindingReported::severity, String[]::new))
                .bind("ds", column(findings, FindingReported::descriptionZh, String[]::new))
                .bind("r", column(findings, FindingReported::revision, Integer[]::new))
                .bind("s", column(findings, FindingReported::supersedes, UUID[]::new))
                .bind("d", column(findings, FindingReported::department, String[]::new))
                .bind("b", column(findings, FindingReported::batchId, UUID[]::new))
                .bind("n", column(findings, FindingReported::rowNo, Integer[]::new))
                .bind("t", column(findings, f -> R2dbcPendingResults.epochMicros(f.reportedAt()), Long[]::new))
                .then();
    }

    private Mono<Void> withdrawals(List<ObservationWithdrawn> withdrawals) {
        if (withdrawals.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into withdrawal (observation_id, kind, department, batch_id, row_no, withdrawn_at)
                        select id, k, d, b, n, timestamptz 'epoch' + t * interval '1 microsecond'
                        from unnest(cast(:id as uuid[]), cast(:k as text[]), cast(:d as text[]), cast(:b as uuid[]),
                          cast(:n as int[]), cast(:t as bigint[])) as x(id, k, d, b, n, t)
                        on conflict (observation_id) do nothing""")
                .bind("id", column(withdrawals, ObservationWithdrawn::observationId, UUID[]::new))
                .bind("k", column(withdrawals, w -> w.kind().name(), String[]::new))
                .bind("d", column(withdrawals, ObservationWithdrawn::department, String[]::new))
                .bind("b", column(withdrawals, ObservationWithdrawn::batchId, UUID[]::new))
                .bind("n", column(withdrawals, ObservationWithdrawn::rowNo, Integer[]::new))
                .bind("t", column(withdrawals, w -> R2dbcPendingResults.epochMicros(w.withdrawnAt()), Long[]::new))
                .then();
    }

    /** Keys whose findings a later poll must read back (see {@code V8__finding_keys_read_back.sql}). */
    private Mono<Void> readBack(Set<ResultKey> keys) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        return R2dbcPendingResults.keyed(db, """
                        insert into finding_key_read_back (check_year, indicator_code, area_code)
                        select distinct k.y, k.i, k.a from %s on conflict do nothing"""
                        .formatted(R2dbcPendingResults.KEYS), keys)
                .then();
    }

    /**
     * Records what item-level surveys covered and marks what that changes: the covered areas and their ancestors up
     * to the city, every area between them and the items (their counts of surveyed items change), and the items below
     * them that had no data this year or a result last year (an item that failed last year and was surveyed without
     * a finding now passes).
     */
    private Mono<Void> coverage(List<SubmissionAccepted> submissions, IndicatorIndex index) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (SubmissionAccepted s : submissions) {
            if (s.kind() != ObservationKind.FINDING) {
                continue;
            }
            for (String indicatorCode : s.indicatorCodes()) {
                IndicatorDefined indicator = index.find(indicatorCode);
                if (indicator == null || indicator.computation().type() != ComputationType.ITEM_COUNT) {
                    continue;
                }
                for (String area : s.coverage()) {
                    rows.add(new Object[] {s.checkYear(), indicatorCode, area, indicator.evaluationLevel().ordinal(),
                            indicator.evaluationLevel().name(), s.batchId(), s.department(), R2dbcPendingResults.epochMicros(s.acceptedAt())});
                }
            }
        }
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        Mono<Void> insert = db.sql("""
                        insert into survey_coverage (check_year, indicator_code, area_code, batch_id, department, accepted_at)
                        select y, i, a, b, d, timestamptz 'epoch' + t * interval '1 microsecond'
                        from unnest(cast(:y as int[]), cast(:i as text[]), cast(:a as text[]), cast(:b as uuid[]),
                          cast(:d as text[]), cast(:t as bigint[])) as x(y, i, a, b, d, t)
                        """)
                .bind("y", rows.stream().map(r -> (Integer) r[0]).toArray(Integer[]::new))
                .bind("i", rows.stream().map(r -> (String) r[1]).toArray(String[]::new))
                .bind("a", rows.stream().map(r -> (String) r[2]).toArray(String[]::new))
                .bind("b", rows.stream().map(r -> (UUID) r[5]).toArray(UUID[]::new))
                .bind("d", rows.stream().map(r -> (String) r[6]).toArray(String[]::new))
                .bind("t", rows.stream().map(r -> (Long) r[7]).toArray(Long[]::new))
                .then();
        Mono<Void> mark = db.sql("""
                        with recursive covered as (
                          select * from unnest(cast(:y as int[]), cast(:i as text[]), cast(:a as text[]),
                                               cast(:rank as int[]), cast(:lvl as text[])) as c(y, i, a, item_rank, item_level)),
                        -- the areas between a covered area and the items, found down the parent links: walked
                        -- once per covered area and item level, not once per indicator (a city's survey names ten)
                        roots as (select distinct a, item_rank from covered),
                        below as (
                          select r.a as root, r.item_rank, a.code, a.level_rank from roots r
                          join area a on a.parent_code = r.a where a.level_rank < r.item_rank
                          union all
                          select b.root, b.item_rank, a.code, a.level_rank from below b
                          join area a on a.parent_code = b.code
                          where b.level_rank < b.item_rank - 1 and a.level_rank < b.item_rank)
                        insert into evaluation_pending (check_year, indicator_code, area_code, level_rank)
                        select distinct y, i, code, level_rank from (
                          select c.y, c.i, up.code, up.level_rank from covered c
                          join area ca on ca.code = c.a join area up on up.code = any(ca.path) and up.level_rank >= 1
                          union all
                          select c.y, c.i, b.code, b.level_rank from below b
                          join covered c on c.a = b.root and c.item_rank = b.item_rank
                          union all
                          select c.y, c.i, r.area_code, item.level_rank from covered c
                          join indicator_result r on r.check_year = c.y - 1 and r.indicator_code = c.i
                            and r.area_level = c.item_level
                          join area item on item.code = r.area_code and item.path @> array[c.a]
                          union all
                          select c.y, c.i, r.area_code, item.level_rank from covered c
                          join indicator_result r on r.check_year = c.y and r.indicator_code = c.i
                            and r.verdict = 'NO_DATA' and r.area_level = c.item_level
                          join area item on item.code = r.area_code and item.path @> array[c.a]) x
                        -- area by area: the rounds claim marks in this order, and a round that holds all the
                        -- indicators of a compound reads each of its buildings once for all of them (indicator by
                        -- indicator, a replay's rounds read every building ten times, cold)
                        order by code, i
                        """)
                .bind("y", rows.stream().map(r -> (Integer) r[0]).toArray(Integer[]::new))
                .bind("i", rows.stream().map(r -> (String) r[1]).toArray(String[]::new))
                .bind("a", rows.stream().map(r -> (String) r[2]).toArray(String[]::new))
                .bind("rank", rows.stream().map(r -> (Integer) r[3]).toArray(Integer[]::new))
                .bind("lvl", rows.stream().map(r -> (String) r[4]).toArray(String[]::new))
                .then();
        return insert.then(mark);
    }

    private static <T, C> C[] column(List<T> rows, Function<T, C> value, java.util.function.IntFunction<C[]> array) {
        return rows.stream().map(value).toArray(array);
    }
}
