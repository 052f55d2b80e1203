package org.tijian.evaluation.result;

import io.netty.buffer.ByteBuf;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Verdict;
import org.tijian.evaluation.indicator.CityClassification;
import org.tijian.evaluation.result.ResultInputs.ChildTotals;
import org.tijian.evaluation.result.ResultInputs.ReportedFinding;
import org.tijian.evaluation.result.ResultInputs.ReportedValue;
import org.tijian.kit.bulk.CopyText;
import org.tijian.kit.bulk.PostgresCopy;
import reactor.core.publisher.Mono;

/**
 * The SQL of an evaluation round: claim pending results, read everything they are computed from for the whole round
 * at once (one statement per kind of input, keys passed as arrays), write the new results, their history and the
 * marks of the parents to compute next. Runs inside the round's transaction.
 *
 * <p>Reads by key go through {@code cross join lateral (... offset 0)}: one index lookup per key. Joined plainly, the
 * planner hashed or merged all the year's results of the indicator (every key of a round shares year and indicator):
 * a seq scan of the growing result table per round, and for the children 5 million intermediate rows, 37 s instead of
 * 0.2 s for 2,000 compounds. {@code offset 0} keeps the subquery from being flattened back into that join.
 */
@Repository
class R2dbcEvaluationRounds {

    /** A result to compute again, and since when it has been waiting (epoch microseconds). */
    record Pending(ResultKey key, int levelRank, long markedAtMicros, String traceparent) {
    }

    /** What surveys covered for one result. */
    record Coverage(boolean covered, long coveredItems) {
    }

    private final DatabaseClient db;

    R2dbcEvaluationRounds(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The oldest {@code limit} marks of the deepest level waiting for at least {@code settleMicros} and every other
     * mark of the same results, removed from the queue (skip locked): a result marked many times (a compound by each
     * of its buildings, as their findings arrive in consecutive polls) is computed once. Marks are appended in the
     * order they are made, so a level's first mark by id is its oldest (up to transactions committing out of order,
     * which delays a mark by no more than that).
     */
    Mono<List<Pending>> claim(int limit, long settleMicros) {
        return db.sql("""
                        with recursive settled as (select now() - :settle * interval '1 microsecond' as before),
                        -- the levels that hold marks, deepest first, each with its oldest mark: one probe of the
                        -- queue's order index per level. (Probing each of the seven levels by "level_rank = x order
                        -- by id" let the planner walk the primary key and filter, the whole queue for every empty
                        -- level: 40 ms a claim, 300 ms with a million marks waiting.)
                        levels as (
                          (select p.level_rank, p.marked_at from evaluation_pending p
                           order by p.level_rank desc, p.id limit 1)
                          union all
                          select next.level_rank, next.marked_at from levels l
                          cross join lateral (select p.level_rank, p.marked_at from evaluation_pending p
                                              where p.level_rank < l.level_rank
                                              order by p.level_rank desc, p.id limit 1) next),
                        -- the deepest level whose oldest mark has settled
                        deepest as (
                          select levels.level_rank as rank from levels, settled where levels.marked_at <= settled.before
                          order by levels.level_rank desc limit 1),
                        picked as (
                          select p.id, p.check_year, p.indicator_code, p.area_code from evaluation_pending p, deepest, settled
                          where p.level_rank = deepest.rank and p.marked_at <= settled.before
                          order by p.level_rank desc, p.id limit :limit for update of p skip locked),
                        duplicates as (
                          select d.id from (select distinct check_year, indicator_code, area_code from picked) k
                          cross join lateral (
                            select d.id from evaluation_pending d
                            where d.check_year = k.check_year and d.indicator_code = k.indicator_code
                              and d.area_code = k.area_code
                            for update skip locked) d)
                        delete from evaluation_pending p
                        where p.id in (select id from picked union select id from duplicates)
                        returning p.check_year, p.indicator_code, p.area_code, p.level_rank,
                          cast(extract(epoch from p.marked_at) * 1000000 as bigint) as marked_at, p.traceparent""")
                .bind("limit", limit).bind("settle", settleMicros)
                .map(row -> new Pending(new ResultKey(row.get("check_year", Integer.class),
                        row.get("indicator_code", String.class), row.get("area_code", String.class)),
                        row.get("level_rank", Short.class), row.get("marked_at", Long.class),
                        row.get("traceparent", String.class)))
                .all().collectList();
    }

    Mono<Long> nextRoundId() {
        return db.sql("select nextval('evaluation_round_id') as id").map(row -> row.get("id", Long.class)).one();
    }

    Mono<Map<String, AreaPosition>> areas(Collection<String> codes) {
        return db.sql("""
                        select a.code, a.level, a.parent_code, a.population, a.buildings, a.compounds, a.communities,
                          a.streets, c.city_class, c.size_class
                        from area a left join area c on c.code = a.city_code where a.code = any(:codes)""")
                .bind("codes", codes.toArray(String[]::new))
                .map(row -> new AreaPosition(row.get("code", String.class),
                        AreaLevel.valueOf(row.get("level", String.class)), row.get("parent_code", String.class),
                        new CityClassification(row.get("city_class", String.class), row.get("size_class", String.class)),
                        row.get("population", Long.class), row.get("buildings", Long.class),
                        row.get("compounds", Long.class), row.get("communities", Long.class),
                        row.get("streets", Long.class), true))
                .all().collectMap(AreaPosition::code);
    }

    Mono<Map<ResultKey, IndicatorResult>> current(Collection<ResultKey> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return keyed("select " + R2dbcResultStore.COLUMNS + " from " + R2dbcPendingResults.KEYS
                        + " cross join lateral (select * from indicator_result r where r.check_year = k.y"
                        + " and r.indicator_code = k.i and r.area_code = k.a offset 0) r", keys)
                .map(R2dbcResultStore::read).all()
                .collectMap(R2dbcEvaluationRounds::key);
    }

    /** The keys whose indicator and area have a result in the year before. */
    Mono<Set<ResultKey>> withResultLastYear(Collection<ResultKey> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Set.of());
        }
        return keyed("select k.y, k.i, k.a from " + R2dbcPendingResults.KEYS + " where exists (select 1 from indicator_result r "
                        + "where r.check_year = k.y - 1 and r.indicator_code = k.i and r.area_code = k.a)", keys)
                .map(R2dbcEvaluationRounds::key).all().collect(Collectors.toSet());
    }

    /** The current (highest revision, not withdrawn) value of each data element at each key's area. */
    Mono<Map<ResultKey, Map<String, ReportedValue>>> values(Map<ResultKey, Set<String>> elementsByKey) {
        List<Integer> years = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        List<String> areas = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        elementsByKey.forEach((key, wanted) -> wanted.forEach(element -> {
            if (seen.add(key.checkYear() + "\u0000" + element + "\u0000" + key.areaCode())) {
                years.add(key.checkYear());
                elements.add(element);
                areas.add(key.areaCode());
            }
        }));
        if (years.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        select k.y, k.e, k.a, v.observation_id, v.value, v.unit
                        from unnest(cast(:years as int[]), cast(:elements as text[]), cast(:areas as text[])) as k(y, e, a)
                        join lateral (select observation_id, value, unit from observed_value v
                                      where v.check_year = k.y and v.data_element = k.e and v.area_code = k.a
                                      order by v.revision desc, v.accepted_at desc limit 1) v on true
                        where not exists (select 1 from withdrawal w where w.observation_id = v.observation_id)""")
                .bind("years", years.toArray(Integer[]::new)).bind("elements", elements.toArray(String[]::new))
                .bind("areas", areas.toArray(String[]::new))
                .map(row -> new Object[] {row.get("y", Integer.class), row.get("e", String.class), row.get("a", String.class),
                        new ReportedValue(row.get("observation_id", UUID.class), row.get("value", BigDecimal.class),
                                row.get("unit", String.class))})
                .all().collectList()
                .map(rows -> {
                    Map<String, Map<String, ReportedValue>> byYearArea = new HashMap<>();
                    for (Object[] r : rows) {
                        byYearArea.computeIfAbsent(r[0] + "\u0000" + r[2], x -> new HashMap<>()).put((String) r[1],
                                (ReportedValue) r[3]);
                    }
                    Map<ResultKey, Map<String, ReportedValue>> result = new HashMap<>();
                    elementsByKey.forEach((key, wanted) -> {
                        Map<String, ReportedValue> atArea = byYearArea.getOrDefault(
                                key.checkYear() + "\u0000" + key.areaCode(), Map.of());
                        Map<String, ReportedValue> own = new HashMap<>();
                        wanted.forEach(e -> {
                            if (atArea.containsKey(e)) {
                                own.put(e, atArea.get(e));
                            }
                        });
                        result.put(key, own);
                    });
                    return result;
                });
    }

    /** The current findings (one per finding type, highest revision, not withdrawn) at each key's area, by type. */
    Mono<Map<ResultKey, List<ReportedFinding>>> findings(Collection<ResultKey> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return keyed("""
                        select k.y, k.i, k.a, f.finding_id, f.finding_type, f.severity, f.description_zh from %s
                        join lateral (select distinct on (finding_type) finding_id, finding_type, severity, description_zh
                                      from finding f
                                      where f.check_year = k.y and f.indicator_code = k.i and f.area_code = k.a
                                      order by finding_type, revision desc, reported_at desc) f on true
                        where not exists (select 1 from withdrawal w where w.observation_id = f.finding_id)"""
                        .formatted(R2dbcPendingResults.KEYS), keys)
                .map(row -> Map.entry(key(row), new ReportedFinding(row.get("finding_id", UUID.class),
                        row.get("finding_type", String.class), row.get("severity", String.class),
                        row.get("description_zh", String.class))))
                .all().collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(multimap -> {
                    Map<ResultKey, List<ReportedFinding>> byKey = new HashMap<>();
                    multimap.forEach((key, found) -> byKey.put(key, found.stream()
                            .sorted(Comparator.comparing(ReportedFinding::findingType)).toList()));
                    return byKey;
                });
    }

    /**
     * The current results of each key's children. The keys are grouped by area: each child is looked up once for all
     * the indicators of its parent in the round (a compound's ten housing counts), not once per indicator. The lookup
     * takes only the columns the sums need (a tenth less time than whole rows with their explanations and lineage).
     */
    Mono<Map<ResultKey, ChildTotals>> children(Collection<ResultKey> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        String hasValue = "r.verdict <> 'NO_DATA' and r.value is not null";
        String hasRatio = "r.verdict <> 'NO_DATA' and r.numerator is not null and r.denominator is not null";
        return keyed("""
                        select p.y, r.indicator_code as i, p.a,
                          cast(coalesce(sum(r.items_failing), 0) as bigint) as items_failing,
                          count(*) filter (where %1$s) as values_reported,
                          coalesce(sum(r.value) filter (where %1$s), 0) as value_sum,
                          cast(coalesce(sum(coalesce(r.items_surveyed, 1)) filter (where %1$s), 0) as bigint)
                            as value_items,
                          count(*) filter (where %2$s) as ratios_reported,
                          coalesce(sum(r.numerator) filter (where %2$s), 0) as numerator_sum,
                          coalesce(sum(r.denominator) filter (where %2$s), 0) as denominator_sum
                        from (select k.y, k.a, array_agg(k.i) as indicators from %3$s group by k.y, k.a) p
                        cross join lateral (
                          select r.indicator_code, r.verdict, r.value, r.numerator, r.denominator, r.items_failing,
                            r.items_surveyed
                          from area c
                          join indicator_result r on r.check_year = p.y and r.area_code = c.code
                            and r.indicator_code = any(p.indicators)
                          where c.parent_code = p.a offset 0) r
                        group by p.y, r.indicator_code, p.a"""
                        .formatted(hasValue, hasRatio, R2dbcPendingResults.KEYS), keys)
                .map(row -> Map.entry(key(row), new ChildTotals(row.get("items_failing", Long.class),
                        row.get("values_reported", Long.class), row.get("value_sum", BigDecimal.class),
                        row.get("value_items", Long.class), row.get("ratios_reported", Long.class),
                        row.get("numerator_sum", BigDecimal.class), row.get("denominator_sum", BigDecimal.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Survey coverage of item counts: whether the area (or an ancestor) was covered and, for an area above the item
     * level that was not covered as a whole, how many items the covered areas inside it hold (each covered area
     * counted once, not again below another covered area). An area covered as a whole counts all its items.
     */
    Mono<Map<ResultKey, Coverage>> coverage(Map<ResultKey, AreaLevel> itemLevelByKey, Set<ResultKey> aggregates) {
        if (itemLevelByKey.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<ResultKey> keys = new ArrayList<>(itemLevelByKey.keySet());
        return db.sql("""
                        select k.y, k.i, k.a, c.covered,
                          case when k.agg and not c.covered then (
                            select coalesce(sum(case k.lvl when 'BUILDING' then ca.buildings when 'COMPOUND' then ca.compounds
                                                 when 'COMMUNITY' then ca.communities when 'STREET' then ca.streets
                                                 else 1 end), 0)
                            from survey_coverage s join area ca on ca.code = s.area_code
                            where s.check_year = k.y and s.indicator_code = k.i and ca.path @> array[k.a]
                              and not exists (select 1 from survey_coverage s2
                                              where s2.check_year = k.y and s2.indicator_code = k.i
                                                and s2.area_code = any(ca.path) and s2.area_code <> s.area_code))
                          else 0 end as covered_items
                        from unnest(cast(:years as int[]), cast(:indicators as text[]), cast(:areas as text[]),
                                    cast(:levels as text[]), cast(:aggregates as boolean[])) as k(y, i, a, lvl, agg)
                        join area a on a.code = k.a
                        cross join lateral (
                          select exists (select 1 from survey_coverage s where s.check_year = k.y and s.indicator_code = k.i
                                         and s.area_code = any(a.path)) as covered) c""")
                .bind("years", keys.stream().map(ResultKey::checkYear).toArray(Integer[]::new))
                .bind("indicators", keys.stream().map(ResultKey::indicatorCode).toArray(String[]::new))
                .bind("areas", keys.stream().map(ResultKey::areaCode).toArray(String[]::new))
                .bind("levels", keys.stream().map(k -> itemLevelByKey.get(k).name()).toArray(String[]::new))
                .bind("aggregates", keys.stream().map(aggregates::contains).toArray(Boolean[]::new))
                .map(row -> Map.entry(key(row), new Coverage(row.get("covered", Boolean.class),
                        row.get("covered_items", Long.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Inserts or replaces the current results. A new version carries the round and its place in it (the relay
     * publishes it from there); the version it supersedes is first copied to the history, round and place included.
     *
     * @param firsts the results that had no current version: inserted plainly (a replay's results nearly all are),
     *     the others upserted; another transaction that inserted the same result meanwhile makes this one fail on
     *     the result's unique key either way
     * @param positions the new versions' places in the round, by result id ({@link #positions}); the other results
     *     are revisions that publish nothing
     */
    Mono<Void> save(List<IndicatorResult> results, Map<UUID, Integer> positions, Set<UUID> firsts, long roundId) {
        if (results.isEmpty()) {
            return Mono.empty();
        }
        UUID[] superseded = results.stream().filter(r -> r.version() > 1 && positions.containsKey(r.id()))
                .map(IndicatorResult::id).toArray(UUID[]::new);
        Mono<Long> history = superseded.length == 0 ? Mono.just(0L) : db.sql("""
                        insert into indicator_result_history (result_id, version, value, verdict, standard, gap,
                          explanation, observation_ids, evaluated_at, unit, area_level, evaluation_level, items_failing,
                          items_surveyed, items_total, numerator, denominator, missing, grade, standard_revision, detail_zh,
                          severity, round_id, round_position)
                        select r.id, r.version, r.value, r.verdict, r.standard, r.gap, r.explanation, r.observation_ids,
                          r.evaluated_at, r.unit, r.area_level, r.evaluation_level, r.items_failing, r.items_surveyed,
                          r.items_total, r.numerator, r.denominator, r.missing, r.grade, r.standard_revision, r.detail_zh,
                          r.severity, r.round_id, r.round_position
                        from indicator_result r where r.id = any(:ids)
                        on conflict (result_id, version) do nothing""")
                .bind("ids", superseded)
                .fetch().rowsUpdated();
        Map<Boolean, List<IndicatorResult>> isFirst = results.stream()
                .collect(Collectors.partitioningBy(r -> firsts.contains(r.id())));
        Mono<Long> insert = write(isFirst.get(true), INSERT, positions, roundId);
        Mono<Long> upsert = write(isFirst.get(false), UPSERT, positions, roundId);
        return history.then(insert).flatMap(first -> upsert.map(replacing -> first + replacing))
                .flatMap(written -> written == results.size() ? Mono.<Void>empty()
                        : Mono.error(new ConcurrentlyRevised(results.size() - written)));
    }

    /**
     * Inserts first versions, each a new version placed in the round in list order, except where the key has a result
     * already (another transaction wrote one meanwhile: waited for, not failed on) or its findings are to be read back
     * ({@code finding_key_read_back}). They are copied in; where a key has a result already the copy is undone and
     * they are inserted with {@code on conflict do nothing} instead.
     *
     * @param positions the results' places in the round, by id ({@link #positions} of them all, from 0)
     * @return the ids of the results inserted
     */
    Mono<Set<UUID>> insertFirsts(List<IndicatorResult> results, Map<UUID, Integer> positions, long roundId) {
        if (results.isEmpty()) {
            return Mono.just(Set.of());
        }
        return keysReadBack(results).flatMap(readBack -> {
            List<IndicatorResult> insertable = results.stream().filter(r -> !readBack.contains(key(r))).toList();
            if (insertable.isEmpty()) {
                return Mono.just(Set.<UUID>of());
            }
            return db.inConnection(connection -> PostgresCopy.copyInUnlessTaken(connection, COPY_FIRSTS,
                            Mono.fromSupplier(() -> copyRows(insertable, positions, roundId))))
                    .flatMap(copied -> copied
                            ? Mono.just(insertable.stream().map(IndicatorResult::id).collect(Collectors.toSet()))
                            : bind(db.sql(INSERT_UNLESS_STORED), insertable, positions, roundId)
                                    .map(row -> row.get("id", UUID.class)).all().collect(Collectors.toSet()));
        });
    }

    private Mono<Set<ResultKey>> keysReadBack(List<IndicatorResult> results) {
        return keyed("""
                        select b.check_year as y, b.indicator_code as i, b.area_code as a
                        from finding_key_read_back b join %s
                          on b.check_year = k.y and b.indicator_code = k.i and b.area_code = k.a"""
                        .formatted(R2dbcPendingResults.KEYS),
                results.stream().map(R2dbcEvaluationRounds::key).toList())
                .map(R2dbcEvaluationRounds::key).all().collect(Collectors.toSet());
    }

    private static ResultKey key(IndicatorResult result) {
        return new ResultKey(result.checkYear(), result.indicatorCode(), result.areaCode());
    }

    /** The columns of {@link #INSERT}, in COPY's text format. */
    private static ByteBuf copyRows(List<IndicatorResult> rows, Map<UUID, Integer> positions, long roundId) {
        CopyText text = new CopyText(rows.size() * 512);
        for (IndicatorResult r : rows) {
            Integer position = positions.get(r.id());
            text.field(r.id()).field(r.checkYear()).field(r.areaCode()).field(r.indicatorCode()).field(r.version())
                    .field(r.value()).field(r.unit()).field(r.verdict().name()).field(r.standard()).field(r.gap())
                    .field(r.explanation()).arrayField(r.observationIds()).field(r.evaluatedAt())
                    .field(name(r.areaLevel())).field(name(r.evaluationLevel())).field(r.itemsFailing())
                    .field(r.itemsSurveyed()).field(r.itemsTotal()).field(r.numerator()).field(r.denominator())
                    .arrayField(r.missing()).field(r.grade()).field(r.standardRevision()).field(r.detailZh())
                    .field(r.severity()).field(position == null ? null : roundId).field(position).endRow();
        }
        return text.utf8();
    }

    private static final String COPY_FIRSTS = """
            copy indicator_result (id, check_year, area_code, indicator_code, version, value, unit, verdict, standard,
              gap, explanation, observation_ids, evaluated_at, area_level, evaluation_level, items_failing,
              items_surveyed, items_total, numerator, denominator, missing, grade, standard_revision, detail_zh,
              severity, round_id, round_position) from stdin""";

    /**
     * The new versions' places in their round, in list order after the {@code taken} ones: where the relay finds them,
     * and where the round's service hands them to it in memory ({@link RecentRounds}). The service places each round
     * once and gives the places to {@link #insertFirsts} and {@link #save}.
     */
    static Map<UUID, Integer> positions(List<UUID> newVersions, int taken) {
        Map<UUID, Integer> positions = new HashMap<>();
        newVersions.forEach(id -> positions.put(id, taken + positions.size() + 1));
        return positions;
    }

    private static final String INSERT = """
            insert into indicator_result (id, check_year, area_code, indicator_code, version, value, unit,
              verdict, standard, gap, explanation, observation_ids, evaluated_at, area_level, evaluation_level,
              items_failing, items_surveyed, items_total, numerator, denominator, missing, grade,
              standard_revision, detail_zh, severity, round_id, round_position)
            select id, y, a, i, ver, val, unit, verdict, std, gap, expl, cast(string_to_array(obs, ',') as uuid[]),
              timestamptz 'epoch' + at * interval '1 microsecond', al, el, fail, surv, tot, num, den,
              string_to_array(miss, '|'), grade, srev, detail, sev, case when pos is null then null else :round end,
              pos
            from unnest(cast(:id as uuid[]), cast(:y as int[]), cast(:a as text[]), cast(:i as text[]),
              cast(:ver as int[]), cast(:val as numeric[]), cast(:unit as text[]), cast(:verdict as text[]),
              cast(:std as text[]), cast(:gap as numeric[]), cast(:expl as text[]), cast(:obs as text[]),
              cast(:at as bigint[]), cast(:al as text[]), cast(:el as text[]), cast(:fail as bigint[]),
              cast(:surv as bigint[]), cast(:tot as bigint[]), cast(:num as numeric[]), cast(:den as numeric[]),
              cast(:miss as text[]), cast(:grade as text[]), cast(:srev as bigint[]), cast(:detail as text[]),
              cast(:sev as text[]), cast(:pos as int[]))
              as u(id, y, a, i, ver, val, unit, verdict, std, gap, expl, obs, at, al, el, fail, surv, tot, num,
                   den, miss, grade, srev, detail, sev, pos)
            """;

    private static final String INSERT_UNLESS_STORED = INSERT + """
            where not exists (select 1 from finding_key_read_back b
                              where b.check_year = u.y and b.indicator_code = u.i and b.area_code = u.a)
            on conflict (check_year, area_code, indicator_code) do nothing
            returning id
            """;

    /** Replaces a result only over the version it was computed from (or, unpublished, the same version). */
    private static final String UPSERT = INSERT + """
            on conflict (id) do update set version = excluded.version, value = excluded.value,
              unit = excluded.unit, verdict = excluded.verdict, standard = excluded.standard,
              gap = excluded.gap, explanation = excluded.explanation,
              observation_ids = excluded.observation_ids, evaluated_at = excluded.evaluated_at,
              area_level = excluded.area_level, evaluation_level = excluded.evaluation_level,
              items_failing = excluded.items_failing, items_surveyed = excluded.items_surveyed,
              items_total = excluded.items_total, numerator = excluded.numerator,
              denominator = excluded.denominator, missing = excluded.missing, grade = excluded.grade,
              standard_revision = excluded.standard_revision, detail_zh = excluded.detail_zh,
              severity = excluded.severity,
              round_id = coalesce(excluded.round_id, indicator_result.round_id),
              round_position = coalesce(excluded.round_position, indicator_result.round_position)
            where indicator_result.version = excluded.version
              - case when excluded.round_position is null then 0 else 1 end
            """;

    private Mono<Long> write(List<IndicatorResult> rows, String statement, Map<UUID, Integer> positions, long roundId) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        return bind(db.sql(statement), rows, positions, roundId).fetch().rowsUpdated();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec statement,
            List<IndicatorResult> rows, Map<UUID, Integer> positions, long roundId) {
        return statement
                .bind("id", rows.stream().map(IndicatorResult::id).toArray(UUID[]::new))
                .bind("y", rows.stream().map(IndicatorResult::checkYear).toArray(Integer[]::new))
                .bind("a", rows.stream().map(IndicatorResult::areaCode).toArray(String[]::new))
                .bind("i", rows.stream().map(IndicatorResult::indicatorCode).toArray(String[]::new))
                .bind("ver", rows.stream().map(IndicatorResult::version).toArray(Integer[]::new))
                .bind("val", rows.stream().map(IndicatorResult::value).toArray(BigDecimal[]::new))
                .bind("unit", rows.stream().map(IndicatorResult::unit).toArray(String[]::new))
                .bind("verdict", rows.stream().map(r -> r.verdict().name()).toArray(String[]::new))
                .bind("std", rows.stream().map(IndicatorResult::standard).toArray(String[]::new))
                .bind("gap", rows.stream().map(IndicatorResult::gap).toArray(BigDecimal[]::new))
                .bind("expl", rows.stream().map(IndicatorResult::explanation).toArray(String[]::new))
                .bind("obs", rows.stream().map(r -> r.observationIds().stream().map(UUID::toString)
                        .collect(Collectors.joining(","))).toArray(String[]::new))
                .bind("at", rows.stream().map(r -> R2dbcPendingResults.epochMicros(r.evaluatedAt())).toArray(Long[]::new))
                .bind("al", rows.stream().map(r -> name(r.areaLevel())).toArray(String[]::new))
                .bind("el", rows.stream().map(r -> name(r.evaluationLevel())).toArray(String[]::new))
                .bind("fail", rows.stream().map(IndicatorResult::itemsFailing).toArray(Long[]::new))
                .bind("surv", rows.stream().map(IndicatorResult::itemsSurveyed).toArray(Long[]::new))
                .bind("tot", rows.stream().map(IndicatorResult::itemsTotal).toArray(Long[]::new))
                .bind("num", rows.stream().map(IndicatorResult::numerator).toArray(BigDecimal[]::new))
                .bind("den", rows.stream().map(IndicatorResult::denominator).toArray(BigDecimal[]::new))
                .bind("miss", rows.stream().map(r -> String.join("|", r.missing())).toArray(String[]::new))
                .bind("grade", rows.stream().map(IndicatorResult::grade).toArray(String[]::new))
                .bind("srev", rows.stream().map(IndicatorResult::standardRevision).toArray(Long[]::new))
                .bind("detail", rows.stream().map(IndicatorResult::detailZh).toArray(String[]::new))
                .bind("sev", rows.stream().map(IndicatorResult::severity).toArray(String[]::new))
                .bind("pos", rows.stream().map(r -> positions.get(r.id())).toArray(Integer[]::new))
                .bind("round", roundId);
    }

    /**
     * Another transaction wrote a version of a result this one computed from an older version: this one fails and is
     * computed again (the poll retried, the round's marks left in the queue), so that no two transactions publish
     * different contents under one version.
     */
    static final class ConcurrentlyRevised extends IllegalStateException {
        ConcurrentlyRevised(long results) {
            super(results + " results were revised by another transaction meanwhile");
        }
    }

    private DatabaseClient.GenericExecuteSpec keyed(String sql, Collection<ResultKey> keys) {
        return R2dbcPendingResults.keyed(db, sql, keys);
    }

    private static ResultKey key(Readable row) {
        return new ResultKey(row.get("y", Integer.class), row.get("i", String.class), row.get("a", String.class));
    }
    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
