package org.tijian.evaluation.result;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.tijian.evaluation.result.ResultInputs.ChildResult;
import org.tijian.evaluation.result.ResultInputs.ReportedFinding;
import org.tijian.evaluation.result.ResultInputs.ReportedValue;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.outbox.EventOutbox;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Computes results: those an intake poll touched at once, in the poll's transaction ({@link #evaluateNow}), and the
 * rest in rounds from the queue. A round claims up to {@code round-size} (1,000) results of the deepest level that have
 * waited at least {@code settle} (1 s: the buildings of a compound arrive in consecutive polls, and their compound is
 * then computed once, not once a poll; compounds before communities, so a parent is computed from its children's
 * current results), reads
 * their inputs in a few set-based statements, computes them ({@link ResultCalculator}), and in one transaction writes
 * what changed, marks the parents of what changed, and appends one outbox row that publishes the round's new versions.
 *
 * <p>Rounds run every poll interval (shorter than the settle time, so a mark waits at most both), {@code
 * parallel-rounds} (2) at a time, as replicas do: they share the queue ({@code skip locked}); computing a result twice
 * writes nothing the second time, and a round that computed a result another had just revised fails and is retried. A
 * parent computed while a round still revises one of its children is marked again by that round.
 *
 * <p>While the feed is being caught up with ({@link FeedBacklog}: a replay, a restart after an outage), a mark waits
 * {@code backlog-settle} (15 min) instead: the areas above the items are then computed once, after their items'
 * findings have arrived, and not once at the start and again for every few polls. Items' verdicts do not wait.
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
    private final Duration settle;
    private final FeedBacklog backlog;
    private final Duration backlogSettle;
    private final int parallelRounds;
    private final Timer latency;
    private Disposable running;

    public EvaluationRoundService(R2dbcEvaluationRounds rounds, R2dbcPendingResults pending, IndicatorIndexService catalog, EventOutbox outbox,
            TransactionalOperator transaction, MeterRegistry meters,
            @Value("${tijian.evaluation.round-size:1000}") int roundSize,
            @Value("${tijian.evaluation.poll-interval:PT0.5S}") Duration pollInterval,
            @Value("${tijian.evaluation.settle:PT1S}") Duration settle, FeedBacklog backlog,
            @Value("${tijian.evaluation.backlog-settle:PT15M}") Duration backlogSettle,
            @Value("${tijian.evaluation.parallel-rounds:2}") int parallelRounds) {
        this.rounds = rounds;
        this.pending = pending;
        this.catalog = catalog;
        this.outbox = outbox;
        this.transaction = transaction;
        this.meters = meters;
        this.roundSize = roundSize;
        this.pollInterval = pollInterval;
        this.settle = settle;
        this.backlog = backlog;
        this.backlogSettle = backlogSettle;
        this.parallelRounds = parallelRounds;
        this.latency = Timer.builder("tijian.evaluation.latency")
                .description("From an input's arrival (or a child's change) to its result's computation")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        running = Flux.interval(pollInterval)
                .onBackpressureDrop()
                .flatMap(tick -> drain().onErrorResume(e -> {
                    log.warn("an evaluation round failed; its results stay pending and are computed again", e);
                    return Mono.empty();
                }), parallelRounds)
                .subscribe();
    }

    @PreDestroy
    public void stop() {
        if (running != null) {
            running.dispose();
        }
    }

    /** Runs rounds until no result is pending. */
    public Mono<Void> drain() {
        return round().repeat().takeWhile(claimed -> claimed > 0).then();
    }

    /**
     * Computes the results an intake poll touched inside the poll's transaction, as a round would but without the
     * queue: the item's own verdict is published as soon as the poll commits. What that changes above is marked for
     * the rounds. A round computing the same result at the same time makes one of the two transactions fail on the
     * result's unique key or its history's (result, version) key; that one is retried. A result without a current
     * version is computed from the poll's own findings where they are all its findings (see {@link TouchedResults}).
     */
    public Mono<Void> evaluateNow(TouchedResults touched, IndicatorIndex index) {
        if (touched.traces().isEmpty()) {
            return Mono.empty();
        }
        long arrivedAt = R2dbcPendingResults.epochMicros(Instant.now());
        List<Pending> marks = new ArrayList<>(touched.traces().size());
        touched.traces().forEach((key, trace) -> marks.add(new Pending(key, AreaLevel.BUILDING.ordinal(), arrivedAt,
                trace)));
        return compute(marks, index, touched.pollFindings());
    }

    /** @return how many pending results the round claimed */
    Mono<Integer> round() {
        // deferred: drain() repeats this Mono, and each round must ask again whether the feed is behind (a drain begun
        // before a replay's first polls otherwise went on with the short settle through the whole replay)
        return Mono.defer(() -> {
            Duration waited = backlog.catchingUp() ? backlogSettle : settle;
            return transaction.transactional(rounds.claim(roundSize, waited.toNanos() / 1_000)
                            .flatMap(claimed -> claimed.isEmpty() ? Mono.just(0)
                                    : catalog.current().flatMap(index -> compute(claimed, index, Map.of()))
                                            .thenReturn(claimed.size())))
                    .defaultIfEmpty(0);
        });
    }

    private Mono<Void> compute(List<Pending> marks, IndicatorIndex index,
            Map<ResultKey, List<ReportedFinding>> pollFindings) {
        Map<ResultKey, Pending> oldestMarks = new LinkedHashMap<>();
        marks.forEach(mark -> oldestMarks.merge(mark.key(), mark,
                (a, b) -> a.markedAtMicros() <= b.markedAtMicros() ? a : b));
        List<Pending> claimed = List.copyOf(oldestMarks.values());
        Map<ResultKey, IndicatorDefined> indicators = new LinkedHashMap<>();
        for (Pending p : claimed) {
            IndicatorDefined indicator = index.find(p.key().indicatorCode());
            if (indicator != null && !indicator.retired()) {
                indicators.put(p.key(), indicator);
            }
        }
        Set<String> areaCodes = new LinkedHashSet<>();
        indicators.keySet().forEach(k -> areaCodes.add(k.areaCode()));
        return rounds.areas(areaCodes)
                .map(known -> RoundPlan.of(indicators, known))
                .flatMap(plan -> readInputs(plan, pollFindings))
                .flatMap(inputs -> {
                    Outcome outcome = decide(claimed, inputs);
                    if (log.isDebugEnabled()) {
                        log.debug("round at level {}: {} marks, {} results computed, {} changed, {} new versions, "
                                + "{} parents marked", claimed.get(0).levelRank(), marks.size(), claimed.size(),
                                outcome.changed().size(), outcome.newVersions().size(), outcome.parents().size());
                    }
                    return write(outcome);
                });
    }

    /** What a round computes and which of its inputs it needs, by result. */
    private record RoundPlan(
            Map<ResultKey, IndicatorDefined> indicators,
            Map<ResultKey, AreaPosition> positions,
            Map<ResultKey, Set<String>> elements,
            Map<ResultKey, AreaLevel> itemLevels,
            Set<ResultKey> aggregates,
            Set<ResultKey> withChildren) {

        static RoundPlan of(Map<ResultKey, IndicatorDefined> indicators, Map<String, AreaPosition> known) {
            RoundPlan plan = new RoundPlan(indicators, new HashMap<>(), new HashMap<>(), new HashMap<>(),
                    new LinkedHashSet<>(), new LinkedHashSet<>());
            indicators.forEach((key, indicator) -> {
                AreaPosition area = known.getOrDefault(key.areaCode(),
                        AreaPosition.unknown(key.areaCode(), indicator.evaluationLevel()));
                plan.positions.put(key, area);
                if (area.known() && area.level() != AreaLevel.BUILDING) {
                    plan.withChildren.add(key);
                }
                if (indicator.computation().type() == ComputationType.ITEM_COUNT) {
                    plan.itemLevels.put(key, indicator.evaluationLevel());
                    if (area.above(indicator.evaluationLevel())) {
                        plan.aggregates.add(key);
                    }
                } else {
                    Set<String> wanted = new LinkedHashSet<>(IndicatorIndex.inputs(indicator.computation()));
                    wanted.remove(ResultCalculator.POPULATION);
                    wanted.add(indicator.code());
                    plan.elements.put(key, wanted);
                }
            });
            return plan;
        }
    }

    /** Everything a round's results are computed from, read with one statement per kind. */
    private record RoundInputs(
            RoundPlan plan,
            Map<ResultKey, IndicatorResult> current,
            Set<ResultKey> withResultLastYear,
            Map<ResultKey, Map<String, ReportedValue>> values,
            Map<ResultKey, List<ReportedFinding>> findings,
            Map<ResultKey, List<ChildResult>> children,
            Map<ResultKey, Coverage> coverage) {

        ResultInputs of(ResultKey key, AreaPosition area, IndicatorDefined indicator) {
            Coverage covered = coverage.getOrDefault(key, new Coverage(false, 0));
            Long total = area.items(indicator.evaluationLevel());
            long coveredItems = covered.covered() && total != null ? total : covered.coveredItems();
            return new ResultInputs(values.getOrDefault(key, Map.of()), findings.getOrDefault(key, List.of()),
                    children.getOrDefault(key, List.of()), covered.covered(), coveredItems,
                    withResultLastYear.contains(key));
        }
    }

    private Mono<RoundInputs> readInputs(RoundPlan plan, Map<ResultKey, List<ReportedFinding>> pollFindings) {
        return rounds.current(plan.indicators().keySet())
                .flatMap(current -> findings(plan, pollFindings, current)
                        .flatMap(findings -> readOtherInputs(plan, current, findings)));
    }

    /**
     * The current findings of the round's item counts. Those of a result without a current version that the poll
     * reported are the poll's own, unless the inbox recorded the key for reading back: no finding stored before
     * this poll went without a result (a replay's findings are nearly all first ones, and reading them back was a
     * tenth of its database time).
     */
    private Mono<Map<ResultKey, List<ReportedFinding>>> findings(RoundPlan plan,
            Map<ResultKey, List<ReportedFinding>> pollFindings, Map<ResultKey, IndicatorResult> current) {
        Set<ResultKey> first = new LinkedHashSet<>();
        for (ResultKey key : plan.itemLevels().keySet()) {
            if (pollFindings.containsKey(key) && !current.containsKey(key)) {
                first.add(key);
            }
        }
        Mono<Set<ResultKey>> readBack = first.isEmpty() ? Mono.just(Set.of()) : rounds.recordedForReadingBack(first);
        return readBack.flatMap(recorded -> {
            first.removeAll(recorded);
            Set<ResultKey> stored = new LinkedHashSet<>(plan.itemLevels().keySet());
            stored.removeAll(first);
            return rounds.findings(stored).map(read -> {
                Map<ResultKey, List<ReportedFinding>> findings = new HashMap<>(read);
                first.forEach(key -> findings.put(key, pollFindings.get(key)));
                return findings;
            });
        });
    }

    private Mono<RoundInputs> readOtherInputs(RoundPlan plan, Map<ResultKey, IndicatorResult> current,
            Map<ResultKey, List<ReportedFinding>> findings) {
        // An item with a finding fails whatever surveys covered and whatever last year said: only the others (and
        // the areas above the items) need the coverage and last year's results.
        Map<ResultKey, AreaLevel> surveyed = new HashMap<>(plan.itemLevels());
        surveyed.keySet().removeIf(key -> !plan.aggregates().contains(key) && findings.containsKey(key));
        Set<ResultKey> withoutFinding = new LinkedHashSet<>(plan.itemLevels().keySet());
        withoutFinding.removeAll(findings.keySet());
        withoutFinding.removeAll(plan.aggregates());
        return Mono.zip(rounds.withResultLastYear(withoutFinding), rounds.values(plan.elements()),
                        rounds.children(plan.withChildren()), rounds.coverage(surveyed, plan.aggregates()))
                .map(read -> new RoundInputs(plan, current, read.getT1(), read.getT2(), findings, read.getT3(),
                        read.getT4()));
    }

    /**
     * What a round writes: the changed results, which of them are new versions and which had no version before, the
     * parents to mark.
     */
    private record Outcome(List<IndicatorResult> changed, List<UUID> newVersions, Set<UUID> firsts,
            Map<ResultKey, String> parents, TraceParent trace) {
    }

    private Outcome decide(List<Pending> claimed, RoundInputs inputs) {
        Instant now = Instant.now();
        TraceParent trace = claimed.stream().map(Pending::traceparent).filter(t -> t != null)
                .findFirst().map(t -> TraceParent.parseOrNew(t).child()).orElseGet(TraceParent::newRoot);
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>(), new HashSet<>(), new LinkedHashMap<>(),
                trace);
        for (Pending mark : claimed) {
            ResultKey key = mark.key();
            IndicatorDefined indicator = inputs.plan().indicators().get(key);
            if (indicator == null) {
                continue;
            }
            AreaPosition area = inputs.plan().positions().get(key);
            IndicatorResult current = inputs.current().get(key);
            EvaluationStandard standard = StandardSelection.select(indicator, key.checkYear(), area.city());
            Optional<Computed> computed = ResultCalculator.compute(indicator, standard, area,
                    inputs.of(key, area, indicator), current != null);
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
            outcome.changed().add(revised.result());
            if (current == null) {
                outcome.firsts().add(revised.result().id());
            }
            if (revised.change() == Change.NEW_VERSION) {
                outcome.newVersions().add(revised.result().id());
                latency.record(R2dbcPendingResults.epochMicros(now) - mark.markedAtMicros(), TimeUnit.MICROSECONDS);
                meters.counter("tijian.evaluation.results.published", "verdict", revised.result().verdict().name())
                        .increment();
            }
            if (area.rollsUp()) {
                outcome.parents().putIfAbsent(new ResultKey(key.checkYear(), key.indicatorCode(), area.parentCode()),
                        trace.header());
            }
        }
        meters.counter("tijian.evaluation.recomputations").increment(claimed.size());
        return outcome;
    }

    /** The results, their parents' marks and, when there are new versions, the round's one outbox row. */
    private Mono<Void> write(Outcome outcome) {
        if (outcome.newVersions().isEmpty()) {
            return rounds.save(outcome.changed(), List.of(), outcome.firsts(), 0)
                    .then(pending.mark(outcome.parents()));
        }
        return rounds.nextRoundId().flatMap(roundId -> rounds
                .save(outcome.changed(), outcome.newVersions(), outcome.firsts(), roundId)
                .then(pending.mark(outcome.parents()))
                .then(outbox.appendExpansion(EventType.INDICATOR_EVALUATED, R2dbcResultPublication.NAME,
                        "evaluation round " + roundId, ("{\"roundId\":" + roundId + "}").getBytes(StandardCharsets.UTF_8),
                        outcome.trace())));
    }
}
