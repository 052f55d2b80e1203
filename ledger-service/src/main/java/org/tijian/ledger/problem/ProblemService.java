package org.tijian.ledger.problem;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.projects.ProjectCompleted;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.messaging.InboundEvent;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.outbox.EventOutbox;
import org.tijian.kit.security.TijianUser;
import org.tijian.ledger.feedback.ComplaintStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens one problem per failing indicator, area and year (never two for the same thing), follows later results of
 * the same indicator and area, and carries out officials' and units' workflow actions. Every change writes the
 * problem, one history entry and one outbox event in one transaction.
 */
@Service
public class ProblemService {

    private final ProblemStore problems;
    private final CatalogLookup catalog;
    private final ComplaintStore complaints;
    private final ClassingPolicy policy;
    private final EventOutbox outbox;
    private final TransactionalOperator transaction;
    private final MeterRegistry meters;
    private final Clock clock;

    public ProblemService(ProblemStore problems, CatalogLookup catalog, ComplaintStore complaints, ClassingPolicy policy,
            EventOutbox outbox, TransactionalOperator transaction, MeterRegistry meters, Clock clock) {
        this.problems = problems;
        this.catalog = catalog;
        this.complaints = complaints;
        this.policy = policy;
        this.outbox = outbox;
        this.transaction = transaction;
        this.meters = meters;
        this.clock = clock;
    }

    /** Runs inside the inbox transaction of {@code ProcessedEvents}. */
    public Mono<Void> onIndicatorEvaluated(InboundEvent<IndicatorEvaluated> event) {
        IndicatorEvaluated result = event.payload();
        if (Problem.aggregate(result) || (result.verdict() != Verdict.FAIL && result.verdict() != Verdict.PASS)) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        TraceParent trace = event.trace();
        return problems.find(result.checkYear(), result.indicatorCode(), result.areaCode())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(existing -> {
                    if (existing.isPresent()) {
                        Problem problem = existing.get();
                        Optional<Problem.Change> change = result.verdict() == Verdict.FAIL
                                ? problem.onNewerFailure(result, now) : problem.onNewerPass(result, now);
                        return change.map(c -> save(c, problem.version(), false, trace)).orElse(Mono.empty());
                    }
                    return result.verdict() == Verdict.FAIL ? open(result, now, trace) : Mono.empty();
                });
    }

    private Mono<Void> open(IndicatorEvaluated result, Instant now, TraceParent trace) {
        String topic = policy.topicOf(result.indicatorCode());
        Mono<Long> complaintCount = topic == null ? Mono.just(0L)
                : complaints.count(result.checkYear(), result.areaCode(), topic);
        return Mono.zip(catalog.chain(result.areaCode()), catalog.indicator(result.indicatorCode()), complaintCount)
                .flatMap(facts -> {
                    List<AreaPath.Node> chain = facts.getT1();
                    AreaPath area = chain.isEmpty() ? AreaPath.fromCode(result.areaCode(), result.areaLevel())
                            : AreaPath.of(chain);
                    Problem.Opening opening = new Problem.Opening(policy, area, facts.getT2().categoryZh(),
                            facts.getT2().suggestionZh(), facts.getT3(), LocalDate.now(clock));
                    return Mono.justOrEmpty(Problem.identify(result, opening, now));
                })
                .flatMap(problem -> problems.insertIfAbsent(problem)
                        .filter(Boolean::booleanValue)
                        .flatMap(inserted -> {
                            meters.counter("tijian.ledger.problems.identified",
                                    "class", problem.rectificationClass().name()).increment();
                            return problems.append(problem.identifiedEntry())
                                    .then(outbox.append(problem.identified(), problem.areaCode(), problem.id().toString(),
                                            trace));
                        }));
    }

    /**
     * New hotline complaints (already recorded): open BEST_EFFORT problems of the topic's indicators on the area's
     * branch whose complaint count now reaches the threshold become TIME_LIMITED. Runs inside the inbox transaction.
     */
    public Mono<Void> onComplaints(int checkYear, String areaCode, String topic, TraceParent trace) {
        List<String> indicators = policy.indicatorsOf(topic);
        if (indicators.isEmpty()) {
            return Mono.empty();
        }
        return problems.raisable(checkYear, areaCode, indicators)
                .concatMap(problem -> complaints.count(checkYear, problem.areaCode(), topic)
                        .flatMap(count -> problem.raiseForComplaints(count, policy, LocalDate.now(clock), clock.instant())
                                .map(change -> save(change, problem.version(), false, trace))
                                .orElse(Mono.empty())))
                .then();
    }

    /**
     * A completed project reports its linked problems fixed (runs inside the inbox transaction). Problems the ledger
     * does not hold (another city's ledger, a project added by hand) are skipped.
     */
    public Mono<Void> onProjectCompleted(ProjectCompleted project, TraceParent trace) {
        return Flux.fromIterable(project.problemIds())
                .concatMap(id -> problems.lockById(id)
                        .flatMap(problem -> problem.onProjectCompleted(project.projectId(), project.name(),
                                        project.acceptanceRecord(), clock.instant())
                                .map(change -> save(change, problem.version(), false, trace))
                                .orElse(Mono.empty())))
                .then();
    }

    /** An official's or a unit's action on a problem they may change, if nobody changed it since {@code expectedVersion}. */
    public Mono<Problem> act(UUID id, WorkflowCommand command, long expectedVersion, boolean ifMatch, TijianUser user,
            TraceParent trace) {
        Mono<Problem> work = problems.findById(id)
                .switchIfEmpty(Mono.error(() -> new TijianException(LedgerError.PROBLEM_NOT_FOUND, id)))
                .flatMap(problem -> {
                    LedgerAccess.checkAction(user, problem, command.action());
                    LocalDate today = LocalDate.now(clock);
                    if (command.deadline() != null && command.deadline().isBefore(today)) {
                        return Mono.error(new TijianException(LedgerError.DEADLINE_PASSED, command.deadline(), today));
                    }
                    if (problem.version() != expectedVersion) {
                        return Mono.error(conflict(problem.version(), expectedVersion, ifMatch));
                    }
                    Problem.Change change = problem.apply(command, user.subject(), clock.instant());
                    return save(change, expectedVersion, ifMatch, trace).thenReturn(change.after());
                });
        return transaction.transactional(work);
    }

    /** Writes a change if the problem still has {@code expectedVersion}, with its history entry and its event. */
    public Mono<Void> save(Problem.Change change, long expectedVersion, boolean ifMatch, TraceParent trace) {
        return save(change, expectedVersion, ifMatch, change.event(), trace);
    }

    /** As {@link #save(Problem.Change, long, boolean, TraceParent)}, publishing {@code event} instead. */
    public Mono<Void> save(Problem.Change change, long expectedVersion, boolean ifMatch, Record event,
            TraceParent trace) {
        Problem after = change.after();
        return problems.update(after, expectedVersion)
                .flatMap(updated -> updated ? Mono.<Void>empty()
                        : problems.findById(after.id()).flatMap(now -> Mono.<Void>error(conflict(now.version(),
                                expectedVersion, ifMatch))))
                .then(Mono.defer(() -> problems.append(change.entry())))
                .then(Mono.defer(() -> outbox.append(event, after.areaCode(), after.id().toString(), trace)))
                .doOnSuccess(done -> record(change));
    }

    private void record(Problem.Change change) {
        HistoryEntry entry = change.entry();
        meters.counter("tijian.ledger.problems.changes", "action", entry.action().name()).increment();
        if (entry.toStatus() == ProblemStatus.VERIFIED && entry.fromStatus() != ProblemStatus.VERIFIED) {
            Problem after = change.after();
            Timer.builder("tijian.ledger.problems.time.to.verification")
                    .description("from identification to verification of a problem")
                    .tag("class", after.rectificationClass().name())
                    .tag("by", String.valueOf(after.verifiedBy()))
                    .register(meters)
                    .record(Duration.between(after.identifiedAt(), entry.at()));
        }
    }

    /** Inserts a problem carried over from the previous year; false when the year already holds one for it. */
    public Mono<Boolean> insertCarried(Problem carried, Instant now, TraceParent trace) {
        return problems.insertIfAbsent(carried)
                .flatMap(inserted -> {
                    if (!inserted) {
                        return Mono.just(false);
                    }
                    Problem.Change change = new Problem.Change(carried, carried.carriedEntry(now));
                    return problems.append(change.entry())
                            .then(outbox.append(change.event(), carried.areaCode(), carried.id().toString(), trace))
                            .thenReturn(true);
                });
    }

    static TijianException conflict(long current, long expected, boolean ifMatch) {
        return new TijianException(ifMatch ? LedgerError.PRECONDITION_FAILED : LedgerError.VERSION_CONFLICT, current,
                expected);
    }

    public Mono<ProblemPage> search(ProblemQuery query, TijianUser user) {
        ProblemQuery scoped = LedgerAccess.scope(user, query);
        return Mono.zip(problems.search(scoped).collectList(), problems.count(scoped))
                .map(t -> new ProblemPage(t.getT1(), scoped.page(), scoped.size(), t.getT2()));
    }

    public Mono<Problem> one(UUID id, TijianUser user) {
        return problems.findById(id)
                .switchIfEmpty(Mono.error(() -> new TijianException(LedgerError.PROBLEM_NOT_FOUND, id)))
                .doOnNext(problem -> LedgerAccess.checkRead(user, problem));
    }

    public Flux<HistoryEntry> history(UUID id, TijianUser user) {
        return one(id, user).thenMany(problems.history(id));
    }

    /** A problem the caller may see, with its history in order. */
    public Mono<ProblemWithHistory> withHistory(UUID id, TijianUser user) {
        return one(id, user).flatMap(problem -> problems.history(id).collectList()
                .map(history -> new ProblemWithHistory(problem, history)));
    }

    public record ProblemWithHistory(Problem problem, List<HistoryEntry> history) {
    }

    /** One page of problems and how many match in all. */
    public record ProblemPage(List<Problem> items, int page, int size, long total) {
    }
}
