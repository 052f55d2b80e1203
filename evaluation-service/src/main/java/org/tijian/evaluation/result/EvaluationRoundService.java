package org.tijian.evaluation.result;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.ComputationType;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.indicator.EvaluationStandard;
import org.tijian.evaluation.indicator.StandardSelection;
import org.tijian.evaluation.result.IndicatorResult.Change;
import org.tijian.evaluation.result.IndicatorResult.Revised;
import org.tijian.evaluation.result.R2dbcEvaluationRounds.Coverage;
import org.tijian.evaluation.result.R2dbcEvaluationRounds.Pending;
import org.tijian.evaluation.result.ResultInputs.ChildTotals;
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
    private final RecentRounds recentRounds;
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
            RecentRounds recentRounds, TransactionalOperator transaction, MeterRegistry meters,
            @Value("${tijian.evaluation.round-size:1000}") int roundSize,
            @Value("${tijian.evaluation.poll-interval:PT0.5S}") Duration pollInterval,
            @Value("${tijian.evaluation.settle:PT1S}") Duration settle, FeedBacklog backlog,
            @Value("${tijian.evaluation.backlog-settle:PT15M}") Duration backlogSettle,
            @Value("${tijian.evaluation.parallel-rounds:2}") int parallelRounds) {
        this.rounds = rounds;
        this.pending = pending;
        this.catalog = catalog;
        this.outbox = outbox;
        this.recentRounds = recentRounds;
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
     * result's unique key or its history's (result, version) key; that one is retried. An item's result is first
     * presumed to have no current version and computed from the poll's own findings (see {@link TouchedResults}); where
     * the insert finds it stored after all, it is computed from what is stored.
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
        TraceParent trace = claimed.stream().map(Pending::traceparent).filter(t -> t != null)
                .findFirst().map(t -> TraceParent.parseOrNew(t).child()).orElseGet(TraceParent::newRoot);
        return rounds.areas(areaCodes).flatMap(known -> presumedFirsts(claimed, RoundPlan.of(indicators, known),
                pollFindings).flatMap(firsts -> computeTheRest(claimed, indicators, known, firsts, trace)));
    }

    /** Every claimed result but the first versions already inserted, computed from what is stored. */
    private Mono<Void> computeTheRest(List<Pending> claimed, Map<ResultKey, IndicatorDefined> indicators,
            Map<String, AreaPosition> known, PresumedFirsts firsts, TraceParent trace) {
        Map<ResultKey, IndicatorDefined> others = new LinkedHashMap<>(indicators);
        firsts.inserted().forEach(d -> others.remove(d.mark().key()));
        meters.counter("tijian.evaluation.recomputations").increment(claimed.size());
        return readInputs(RoundPlan.of(others, known)).map(inputs -> decide(claimed, inputs)).flatMap(decided -> {
            if (log.isDebugEnabled()) {
                log.debug("round at level {}: {} results computed, {} first versions from the poll, {} others changed",
                        claimed.get(0).levelRank(), claimed.size(), firsts.inserted().size(), decided.size());
            }
            return write(firsts, decided, trace);
        });
    }

    /**
     * A building's first findings, where the poll reported them, are all it has: its result is computed from them
     * without reading anything, and inserted unless the key has a result by now (another transaction wrote one) or
     * the inbox recorded it for reading back. Those keys are left to be computed from what is stored, as every other
     * key is. A replay's results are nearly all such first versions.
     */
    private Mono<PresumedFirsts> presumedFirsts(List<Pending> claimed, RoundPlan plan,
            Map<ResultKey, List<ReportedFinding>> pollFindings) {
        Map<ResultKey, List<ReportedFinding>> own = plan.presumedFirsts(pollFindings);
        if (own.isEmpty()) {
            return Mono.just(PresumedFirsts.NONE);
        }
        List<Pending> presumed = claimed.stream().filter(mark -> own.containsKey(mark.key())).toList();
        List<Decided> computed = decide(presumed, RoundInputs.fromPoll(plan, own));
        if (computed.isEmpty()) {
            return Mono.just(PresumedFirsts.NONE);
        }
        Map<UUID, Integer> positions = R2dbcEvaluationRounds.positions(
                computed.stream().map(d -> d.result().id()).toList(), 0);
        return rounds.nextRoundId().flatMap(roundId -> rounds
                .insertFirsts(computed.stream().map(Decided::result).toList(), positions, roundId)
                .map(inserted -> {
                    List<Decided> kept = computed.stream().filter(d -> inserted.contains(d.result().id())).toList();
                    return kept.isEmpty() ? PresumedFirsts.NONE : new PresumedFirsts(roundId, positions, kept);
                }));
    }

    /**
     * The first versions a poll inserted from its own findings.
     *
     * @param roundId their round (0: none inserted)
     * @param positions the round positions they were given, by result id (those not inserted leave gaps)
     */
    private record PresumedFirsts(long roundId, Map<UUID, Integer> positions, List<Decided> inserted) {
        static final PresumedFirsts NONE = new PresumedFirsts(0, Map.of(), List.of());
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

        /** The poll's findings of the item counts computed from nothing else: the items' own results. */
        Map<ResultKey, List<ReportedFinding>> presumedFirsts(Map<ResultKey, List<ReportedFinding>> pollFindings) {
            Map<ResultKey, List<ReportedFinding>> own = new LinkedHashMap<>();
            pollFindings.forEach((key, findings) -> {
                if (itemLevels.containsKey(key) && !aggregates.contains(key) && !withChildren.contains(key)) {
                    own.put(key, findings);
                }
            });
            return own;
        }
    }

    /** Everything a round's results are computed from, read with one statement per kind. */
    private record RoundInputs(
            RoundPlan plan,
            Map<ResultKey, IndicatorResult> current,
            Set<ResultKey> withResultLastYear,
            Map<ResultKey, Map<String, ReportedValue>> values,
            Map<ResultKey, List<ReportedFinding>> findings,
            Map<ResultKey, ChildTotals> children,
            Map<ResultKey, Coverage> coverage) {

        /** An item's inputs where its own findings are all it has: no current result, nothing else read. */
        static RoundInputs fromPoll(RoundPlan plan, Map<ResultKey, List<ReportedFinding>> findings) {
            return new RoundInputs(plan, Map.of(), Set.of(), Map.of(), findings, Map.of(), Map.of());
        }

        ResultInputs of(ResultKey key, AreaPosition area, IndicatorDefined indicator) {
            Coverage covered = coverage.getOrDefault(key, new Coverage(false, 0));
            Long total = area.items(indicator.evaluationLevel());
            long coveredItems = covered.covered() && total != null ? total : covered.coveredItems();
            return new ResultInputs(values.getOrDefault(key, Map.of()), findings.getOrDefault(key, List.of()),
                    children.getOrDefault(key, ChildTotals.NONE), covered.covered(), coveredItems,
                    withResultLastYear.contains(key));
        }
    }

    private Mono<RoundInputs> readInputs(RoundPlan plan) {
        return Mono.zip(rounds.current(plan.indicators().keySet()), rounds.findings(plan.itemLevels().keySet()))
                .flatMap(read -> readOtherInputs(plan, read.getT1(), read.getT2()));
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

    /** A result a round (or a poll) computed differently from its current version, with the mark that asked. */
    private record Decided(Pending mark, AreaPosition area, IndicatorResult result, Change change, boolean first) {

        boolean newVersion() {
            return change == Change.NEW_VERSION;
        }
    }

    private List<Decided> decide(List<Pending> claimed, RoundInputs inputs) {
        // as stored (microseconds), so a version the relay takes from memory reads as it would from the database
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Decided> decided = new ArrayList<>();
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
            if (revised.change() != Change.NONE) {
                decided.add(new Decided(mark, area, revised.result(), revised.change(), current == null));
            }
        }
        return decided;
    }

    /**
     * The results (after the first versions a poll inserted already), their parents' marks and, when there are new
     * versions, the round's one outbox row.
     */
    private Mono<Void> write(PresumedFirsts firsts, List<Decided> decided, TraceParent trace) {
        List<IndicatorResult> changed = decided.stream().map(Decided::result).toList();
        List<UUID> newVersions = decided.stream().filter(Decided::newVersion).map(d -> d.result().id()).toList();
        Set<UUID> firstIds = new HashSet<>();
        decided.stream().filter(Decided::first).forEach(d -> firstIds.add(d.result().id()));
        Map<ResultKey, String> parents = new LinkedHashMap<>();
        List<Decided> written = new ArrayList<>(firsts.inserted());
        written.addAll(decided);
        for (Decided d : written) {
            if (d.area().rollsUp()) {
                ResultKey key = d.mark().key();
                parents.putIfAbsent(new ResultKey(key.checkYear(), key.indicatorCode(), d.area().parentCode()),
                        trace.header());
            }
        }
        // the relay's order: the poll's first versions, then the new versions after them
        Map<UUID, Integer> later = R2dbcEvaluationRounds.positions(newVersions, firsts.positions().size());
        List<RecentRounds.Placed> published = new ArrayList<>();
        firsts.inserted().forEach(d -> published.add(
                new RecentRounds.Placed(firsts.positions().get(d.result().id()), d.result())));
        decided.stream().filter(Decided::newVersion).forEach(d -> published.add(
                new RecentRounds.Placed(later.get(d.result().id()), d.result())));
        Mono<Long> roundId = firsts.roundId() != 0 ? Mono.just(firsts.roundId())
                : newVersions.isEmpty() ? Mono.just(0L) : rounds.nextRoundId();
        return roundId.flatMap(round -> rounds.save(changed, later, firstIds, round)
                .then(pending.mark(parents))
                .then(round == 0 ? Mono.<Void>empty()
                        : outbox.appendExpansion(EventType.INDICATOR_EVALUATED, R2dbcResultPublication.NAME,
                                "evaluation round " + round, R2dbcResultPublication.parameters(round), trace)
                                .then(Mono.fromRunnable(() -> recentRounds.keep(round, published))))
                .then(Mono.fromRunnable(() -> count(written))));
    }

    private void count(List<Decided> written) {
        long now = R2dbcPendingResults.epochMicros(Instant.now());
        Map<Verdict, Integer> published = new EnumMap<>(Verdict.class);
        for (Decided d : written) {
            if (d.newVersion()) {
                latency.record(now - d.mark().markedAtMicros(), TimeUnit.MICROSECONDS);
                published.merge(d.result().verdict(), 1, Integer::sum);
            }
        }
        published.forEach((verdict, count) -> meters.counter("tijian.evaluation.results.published", "verdict",
                verdict.name()).increment(count));
    }
}
