package org.tijian.evaluation.result;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Judges results again after a year's standard changed. The catalog records a request in the same transaction as the
 * change; this service claims open requests (one replica each, {@code skip locked}) and marks every result of that
 * indicator and year for the evaluation rounds, which publish a new version only where the verdict (or the standard's
 * wording) changed. Only that indicator's results of that year are touched.
 */
@Service
public class ReevaluationService {

    private static final Logger log = LoggerFactory.getLogger(ReevaluationService.class);

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final Duration pollInterval;
    private Disposable polling;

    public ReevaluationService(DatabaseClient db, TransactionalOperator transaction,
            @Value("${tijian.evaluation.reevaluation-poll-interval:PT2S}") Duration pollInterval) {
        this.db = db;
        this.transaction = transaction;
        this.pollInterval = pollInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        polling = Flux.interval(pollInterval)
                .onBackpressureDrop()
                .concatMap(tick -> drain().onErrorResume(e -> {
                    log.warn("re-evaluation failed; the request is retried later", e);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @PreDestroy
    public void stop() {
        if (polling != null) {
            polling.dispose();
        }
    }

    /** Works through open requests until none is left. */
    Mono<Void> drain() {
        // defaultIfEmpty: without it, "no open request" completes empty, repeat() claims again at once,
        // and an idle service polls its database in a tight loop
        return transaction.transactional(claimAndMark()).defaultIfEmpty(false).repeat()
                .takeWhile(processed -> processed).then();
    }

    private Mono<Boolean> claimAndMark() {
        return db.sql("""
                        with request as (
                          update reevaluation_request set started_at = now()
                          where id = (select id from reevaluation_request where finished_at is null
                                      order by id limit 1 for update skip locked)
                          returning id, indicator_code, check_year),
                        marked as (
                          insert into evaluation_pending (check_year, indicator_code, area_code, level_rank)
                          select r.check_year, r.indicator_code, r.area_code, coalesce(a.level_rank, :deepestRank)
                          from request q join indicator_result r
                            on r.check_year = q.check_year and r.indicator_code = q.indicator_code
                          left join area a on a.code = r.area_code
                          returning 1)
                        update reevaluation_request set finished_at = now(),
                          results_judged = (select count(*) from marked)
                        where id = (select id from request)
                        returning indicator_code, check_year, results_judged""")
                .bind("deepestRank", R2dbcPendingResults.DEEPEST_RANK)
                .map(row -> {
                    log.info("re-evaluating {} {}: {} results marked", row.get("indicator_code", String.class),
                            row.get("check_year", Integer.class), row.get("results_judged", Long.class));
                    return true;
                })
                .one();
    }
}
