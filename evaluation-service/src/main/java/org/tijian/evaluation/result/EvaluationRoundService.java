package org.tijian.evaluation.result;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.EventType;
import org.tijian.contracts.catalog.ComputationType;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.indicator.EvaluationStandard;
import org.tijian.evaluation.indicator.StandardSelection;
import org.tijian.evaluation.result.IndicatorResult.Change;
import org.tijian.evaluation.result.IndicatorResult.Revised;
import org.tijian.evaluation.result.R2dbcEvaluationRounds.Coverage;
import org.tijian.evaluation.result.R2dbcEvaluationRounds.Pending;
import org.tijian.evaluation.result.ResultInputs.ReportedValue;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.outbox.EventOutbox;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Computes pending results in rounds. A round claims up to {@code round-size} (4,000) results of the deepest level waiting
 * (buildings before compounds before communities, so a parent is computed from its children's current results), reads
 * their inputs in a few set-based statements, computes them ({@link ResultCalculator}), and in one transaction writes
 * what changed, marks the parents of what changed, and appends one outbox row that publishes the round's new versions.
 *
 * <p>Rounds run when the intake listener stored something ({@link #wake()}) and otherwise every poll interval. Replicas
 * share the queue ({@code skip locked}); computing a result twice writes nothing the second time.
 */
@Service
public class EvaluationRoundService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRoundService.class);

    private final R2dbcEvaluationRounds rounds;
    private final R2dbcPendingResults pending;
    private final IndicatorIndexService catalog;
    private final EventOutbox outbox;
    private final TransactionalOperator transaction;
    private final MeterRegistry meters;
    private final int roundSize;
    private final Duration pollInterval;
    private final Timer latency;
    private final Sinks.Many<Long> wakeups = Sinks.many().multicast().directBestEffort();
    private Disposable running;

    public EvaluationRoundService(R2dbcEvaluationRounds rounds, R2dbcPendingResults pending, IndicatorIndexService catalog, EventOutbox outbox,
            TransactionalOperator transaction, MeterRegistry meters,
            @Value("${tijian.evaluation.round-size:4000}") int roundSize,
            @Value("${tijian.evaluation.poll-interval:PT0.5S}") Duration pollInterval) {
        this.rounds = rounds;
        this.pending = pending;
        this.catalog = catalog;
        this.outbox = outbox;
        this.transaction = transaction;
        this.meters = meters;
        this.roundSize = roundSize;
        this.pollInterval = pollInterval;
        this.latency = Timer.builder("tijian.evaluation.latency")
                .description("From an input's arrival (or a child's change) to its result's computation")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        running = Flux.merge(Flux.interval(pollInterval), wakeups.asFlux())
                .onBackpressureDrop()
                .concatMap(tick -> drain().onErrorResume(e -> {
                    log.warn("an evaluation round failed; its results stay pending and are computed again", e);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @PreDestroy
    public void stop() {
        if (running != null) {
            running.dispose();
        }
    }

    /** Asks for a round now (something was stored); ignored while rounds are running, which drain the queue anyway. */
    public void wake() {
        wakeups.tryEmitNext(System.nanoTime());
    }

    /** Runs rounds until no result is pending. */
    public Mono<Void> drain() {
        return round().repeat().takeWhile(claimed -> claimed > 0).then();
    }

    /** @return how many pending results the round claimed */
    Mono<Integer> round() {
        return transaction.transactional(rounds.claim(roundSize)
                        .flatMap(claimed -> claimed.isEmpty() ? Mono.just(0)
                                : catalog.current().flatMap(index -> compute(claimed, index)).thenReturn(claimed.size())))
                .defaultIfEmpty(0);
    }

    private Mono<Void> compute(List<Pending> marks, IndicatorIndex index) {
        Map<ResultKey, Pending> firstMarks = new LinkedHashMap<>();
        marks.forEach(mark -> firstMarks.merge(mark.key(), mark,
                (a, b) -> a.markedAtMicros() <= b.markedAtMicros() ? a : b));
        List<Pending> claimed = List.copyOf(firstMarks.values());
        Map<ResultKey, IndicatorDefined> indicators = new HashMap<>();
        for (Pending p : claimed) {
            IndicatorDefined indicator = index.find(p.key().indicatorCode());
            if (indicator != null && !indicator.retired()) {
                indicators.put(p.key(), indicator);
            }
        }
        Set<ResultKey> keys = indicators.keySet();
        Set<String> areaCodes = new LinkedHashSet<>();
        keys.forEach(k -> areaCodes.add(k.areaCode()));
        return rounds.areas(areaCodes).flatMap(known -> {
            Map<ResultKey, AreaPosition> positions = new HashMap<>();
            Map<ResultKey, Set<String>> elements = new HashMap<>();
            Map<ResultKey, AreaLevel> itemLevels = new HashMap<>();
            Set<ResultKey> aggregates = new LinkedHashSet<>();
            Set<ResultKey> withChildren = new LinkedHashSet<>();
            indicators.forEach((key, indicator) -> {
                AreaPosition area = known.getOrDefault(key.areaCode(),
                        AreaPosition.unknown(key.areaCode(), indicator.evaluationLevel()));
                positions.put(key, area);
                if (area.known() && area.level() != AreaLevel.BUILDING) {
                    withChildren.add(key);
                }
                if (indicator.computation().type() == ComputationType.ITEM_COUNT) {
                    itemLevels.put(key, indicator.evaluationLevel());
                    if (area.above(indicator.evaluationLevel())) {
                        aggregates.add(key);
                    }
                } else {
                    Set<String> wanted = new LinkedHashSet<>(IndicatorIndex.inputs(indicator.computation()));
                    wanted.remove(ResultCalculator.POPULATION);
                    wanted.add(indicator.code());
                    elements.put(key, wanted);
                }
            });
            // An item with a finding fails whatever surveys covered and whatever last year said: only the others
            // (and the areas above the items) need the coverage and last year's results.
            return rounds.findings(itemLevels.keySet()).flatMap(findings -> {
                Map<ResultKey, AreaLevel> surveyed = new HashMap<>(itemLevels);
                surveyed.keySet().removeIf(key -> !aggregates.contains(key) && findings.containsKey(key));
                Set<ResultKey> withoutFinding = new LinkedHashSet<>(itemLevels.keySet());
                withoutFinding.removeAll(findings.keySet());
                withoutFinding.removeAll(aggregates);
                return Mono.zip(rounds.current(keys), rounds.withResultLastYear(withoutFinding), rounds.values(elements),
                        Mono.just(findings), rounds.children(withChildren), rounds.coverage(surveyed, aggregates));
            })
                    .flatMap(inputs -> {
                        Instant now = Instant.now();
                        List<IndicatorResult> changed = new ArrayList<>();
                        List<UUID> newVersions = new ArrayList<>();
                        TraceParent trace = claimed.stream().map(Pending::traceparent).filter(t -> t != null)
                                .findFirst().map(t -> TraceParent.parseOrNew(t).child()).orElseGet(TraceParent::newRoot);
                        Map<ResultKey, String> parents = new LinkedHashMap<>();
                        for (Pending pending : claimed) {
                            ResultKey key = pending.key();
                            IndicatorDefined indicator = indicators.get(key);
                            if (indicator == null) {
                                continue;
                            }
                            AreaPosition area = positions.get(key);
                            Coverage coverage = inputs.getT6().getOrDefault(key, new Coverage(false, 0));
                            Long total = area.items(indicator.evaluationLevel());
                            long coveredItems = coverage.covered() && total != null ? total : coverage.coveredItems();
                            ResultInputs in = new ResultInputs(
                                    inputs.getT3().getOrDefault(key, Map.<String, ReportedValue>of()),
                                    inputs.getT4().getOrDefault(key, List.of()),
                                    inputs.getT5().getOrDefault(key, List.of()),
                                    coverage.covered(), coveredItems, inputs.getT2().contains(key));
                            IndicatorResult current = inputs.getT1().get(key);
                            EvaluationStandard standard = StandardSelection.select(indicator, key.checkYear(), area.city());
                            Optional<Computed> computed = ResultCalculator.compute(indicator, standard, area, in,
                                    current != null);
                            if (computed.isEmpty()) {
                                continue;
                            }
                            Revised revised = current == null
                                    ? new Revised(IndicatorResult.first(key.checkYear(), area, indicator, computed.get(),
                                            indicator.revision(), now), Change.NEW_VERSION)
                                    : current.revise(area, indicator, computed.get(), indicator.revision(), now);
                            if (revised.change() == Change.NONE) {
                                continue;
                            }
                            changed.add(revised.result());
                            if (revised.change() == Change.NEW_VERSION) {
                                newVersions.add(revised.result().id());
                                latency.record(micros(now) - pending.markedAtMicros(), TimeUnit.MICROSECONDS);
                                meters.counter("tijian.evaluation.results.published", "verdict",
                                        revised.result().verdict().name()).increment();
                            }
                            if (area.rollsUp()) {
                                parents.putIfAbsent(new ResultKey(key.checkYear(), key.indicatorCode(), area.parentCode()),
                                        trace.header());
                            }
                        }
                        meters.counter("tijian.evaluation.recomputations").increment(claimed.size());
                        if (log.isDebugEnabled()) {
                            log.debug("round at level {}: {} marks, {} results computed, {} changed, {} new versions, "
                                    + "{} parents marked", claimed.get(0).levelRank(), marks.size(), claimed.size(),
                                    changed.size(), newVersions.size(), parents.size());
                        }
                        Mono<Long> round = newVersions.isEmpty() ? Mono.just(0L) : rounds.nextRoundId();
                        return round.flatMap(roundId -> rounds.save(changed, newVersions, roundId)
                                .then(pending.mark(parents))
                                .then(newVersions.isEmpty() ? Mono.empty()
                                        : outbox.appendExpansion(EventType.INDICATOR_EVALUATED,
                                                R2dbcResultPublication.NAME, "evaluation round " + roundId,
                                                ("{\"roundId\":" + roundId + "}").getBytes(StandardCharsets.UTF_8),
                                                trace)));
                    });
        });
    }

    private static long micros(Instant at) {
        return R2dbcEvaluationRounds.micros(at);
    }
}
