package org.tijian.evaluation.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.AreaLevel;
import reactor.core.publisher.Mono;

/** The queue of results to compute (again): {@code evaluation_pending}, ordered by the level of the area. */
@Repository
public class R2dbcPendingResults {

    /** The queue's deepest level: an area the tree does not hold is marked at it (as a building, where items are). */
    static final int DEEPEST_RANK = AreaLevel.BUILDING.ordinal();

    /** The keys bound by {@link #keyed} as rows {@code k(y, i, a)}. */
    public static final String KEYS = "unnest(cast(:years as int[]), cast(:indicators as text[]), cast(:areas as text[])) as k(y, i, a)";

    private final DatabaseClient db;

    R2dbcPendingResults(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Marks results to compute, at their area's level; an area the tree does not hold counts as a building. A result
     * already marked is not marked again (a compound is marked by each poll holding one of its buildings' findings):
     * its waiting mark is locked instead, so that no round claims it before this transaction's inputs are committed.
     * A mark a round has claimed (locked) does not count: that round may have read the inputs before this
     * transaction's, so the result is marked again.
     *
     * @param traces the key's cause's {@code traceparent} (null values allowed), carried to the published results
     */
    public Mono<Void> mark(Map<ResultKey, String> traces) {
        if (traces.isEmpty()) {
            return Mono.empty();
        }
        List<ResultKey> keys = new ArrayList<>(traces.keySet());
        return keyed(db, """
                        insert into evaluation_pending (check_year, indicator_code, area_code, level_rank, traceparent)
                        select k.y, k.i, k.a, coalesce(a.level_rank, :deepestRank), k.t
                        from unnest(cast(:years as int[]), cast(:indicators as text[]), cast(:areas as text[]),
                                    cast(:traces as text[])) as k(y, i, a, t)
                        left join area a on a.code = k.a
                        where not exists (select 1 from evaluation_pending p where p.check_year = k.y
                                            and p.indicator_code = k.i and p.area_code = k.a
                                          for update skip locked)""", keys)
                .bind("traces", keys.stream().map(traces::get).toArray(String[]::new))
                .bind("deepestRank", DEEPEST_RANK)
                .then();
    }

    /** A time as microseconds since the epoch, as the statements bind times (arrays of timestamps do not bind). */
    public static long epochMicros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    /** The inverse of {@link #epochMicros}, for a time a statement reads as {@link #epochMicrosOf}. */
    static Instant instantOfEpochMicros(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }

    /**
     * A {@code timestamptz} column read as microseconds since the epoch: the driver parses a time's text with a
     * {@code DateTimeFormatter}, a twentieth of the service's time when its relay publishes a replay's results.
     */
    static String epochMicrosOf(String column) {
        return "cast(extract(epoch from " + column + ") * 1000000 as bigint)";
    }

    /** A statement over {@link #KEYS}: the keys bound as arrays {@code :years}, {@code :indicators}, {@code :areas}. */
    public static DatabaseClient.GenericExecuteSpec keyed(DatabaseClient db, String sql, Collection<ResultKey> keys) {
        return db.sql(sql)
                .bind("years", keys.stream().map(ResultKey::checkYear).toArray(Integer[]::new))
                .bind("indicators", keys.stream().map(ResultKey::indicatorCode).toArray(String[]::new))
                .bind("areas", keys.stream().map(ResultKey::areaCode).toArray(String[]::new));
    }
}
