package org.tijian.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Each client's requests per fixed window, shared by every gateway replica through one table. */
@Repository
class R2dbcRequestCounts {

    private final DatabaseClient db;

    R2dbcRequestCounts(DatabaseClient db) {
        this.db = db;
    }

    /** Counts one request in its window and answers this window's and the previous one's counts. */
    Mono<Counts> count(String client, Instant windowStart, Duration window) {
        return db.sql("""
                with counted as (
                    insert into request_count (client, window_start, requests) values (:client, :start, 1)
                    on conflict (client, window_start) do update set requests = request_count.requests + 1
                    returning requests)
                select (select requests from counted) as current,
                       coalesce((select requests from request_count
                                 where client = :client and window_start = :previous), 0) as previous
                """)
                .bind("client", client)
                .bind("start", windowStart)
                .bind("previous", windowStart.minus(window))
                .map((row, meta) -> new Counts(row.get("current", Long.class), row.get("previous", Long.class)))
                .one();
    }

    Mono<Long> forgetBefore(Instant before) {
        return db.sql("delete from request_count where window_start < :before").bind("before", before)
                .fetch().rowsUpdated();
    }

    record Counts(long current, long previous) {
    }
}
