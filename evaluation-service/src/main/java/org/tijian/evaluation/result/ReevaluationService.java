package org.tijian.evaluation.result;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.indicator.ApplicableStandardService;
import org.tijian.evaluation.indicator.IndicatorStore;
import org.tijian.kit.messaging.TraceParent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Judges results again after a year's standard changed. The catalog records a request in the same
 * transaction as the change; this service claims open requests (one replica each, {@code skip locked})
 * and re-judges the indicator's results for that year a page at a time, each page in its own
 * transaction with its outbox rows. A request left unfinished by a stopped replica is taken over
 * after ten minutes; re-judging twice changes nothing.
 */
@Service
public class ReevaluationService {

    private static final Logger log = LoggerFactory.getLogger(ReevaluationService.class);
    private static final int PAGE = 200;

    private final DatabaseClient db;
    private final IndicatorStore indicators;
    private final ResultStore results;
    private final EvaluationService evaluation;
    private final ApplicableStandardService standards;
    private final TransactionalOperator transaction;
    private final Duration pollInterval;
    private Disposable polling;

    public ReevaluationService(DatabaseClient db, IndicatorStore indicators, ResultStore results,
            EvaluationService evaluation, ApplicableStandardService standards, TransactionalOperator transaction,
            @Value("${tijian.evaluation.reevaluation-poll-interval:PT2S}") Duration pollInterval) {
        this.db = db;
        this.indicators = indicators;
        this.results = results;
        this.evaluation = evaluation;
        this.standards = standards;
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
        return claim().flatMap(this::process).defaultIfEmpty(false).repeat().takeWhile(processed -> processed).then();
    }

    private Mono<Request> claim() {
        return db.sql("""
                        update reevaluation_request set started_at = now()
                        where id = (select id from reevaluation_request
                                    where finished_at is null
                                      and (started_at is null or started_at < now() - interval '10 minutes')
                                    order by id limit 1 for update skip locked)
                        returning id, indicator_code, check_year""")
                .map(row -> new Request(row.get("id", Long.class), row.get("indicator_code", String.class),
                        row.get("check_year", Integer.class)))
                .one();
    }

    private Mono<Boolean> process(Request request) {
        AtomicLong judged = new AtomicLong();
        AtomicLong changed = new AtomicLong();
        Instant started = Instant.now();
        return indicators.find(request.indicatorCode())
                .flatMap(indicator -> pages(request, indicator, null, judged, changed))
                .then(db.sql("""
                                update reevaluation_request set finished_at = now(), results_judged = :judged,
                                  results_changed = :changed where id = :id""")
                        .bind("id", request.id()).bind("judged", judged.get()).bind("changed", changed.get())
                        .then())
                .doOnSuccess(done -> log.info("re-evaluated {} {}: {} results judged, {} changed, in {} ms",
                        request.indicatorCode(), request.checkYear(), judged.get(), changed.get(),
                        Duration.between(started, Instant.now()).toMillis()))
                .thenReturn(true);
    }

    private Mono<Void> pages(Request request, IndicatorDefined indicator, UUID after, AtomicLong judged,
            AtomicLong changed) {
        return results.page(request.checkYear(), indicator.code(), after, PAGE).collectList()
                .flatMap(page -> page.isEmpty() ? Mono.empty()
                        : transaction.transactional(rejudge(page, indicator, judged, changed))
                                .then(page.size() < PAGE ? Mono.empty()
                                        : pages(request, indicator, page.get(page.size() - 1).id(), judged, changed)));
    }

    private Mono<Void> rejudge(List<IndicatorResult> page, IndicatorDefined indicator, AtomicLong judged,
            AtomicLong changed) {
        Instant now = Instant.now();
        return Flux.fromIterable(page)
                .concatMap(result -> standards.forArea(indicator, result.checkYear(), result.areaCode())
                        .flatMap(standard -> {
                            judged.incrementAndGet();
                            return result.rejudge(standard, now)
                                    .map(next -> {
                                        changed.incrementAndGet();
                                        return evaluation.publish(next, standard, TraceParent.newRoot());
                                    })
                                    .orElse(Mono.empty());
                        }))
                .then();
    }

    record Request(long id, String indicatorCode, int checkYear) {
    }
}
