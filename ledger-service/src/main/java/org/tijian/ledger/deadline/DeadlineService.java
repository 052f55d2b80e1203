package org.tijian.ledger.deadline;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.ledger.problem.Problem;
import org.tijian.ledger.problem.ProblemService;
import org.tijian.ledger.problem.ProblemStore;
import reactor.core.publisher.Mono;

/**
 * The scheduled deadline check ({@code tijian.ledger.deadlines.check-interval}, default one minute): every problem
 * past its deadline that is not reported fixed, verified or dismissed is marked overdue once, with a history entry and
 * a {@code ProblemOverdue} event. Replicas may run it side by side: the version check lets one of them win.
 */
@Service
public class DeadlineService {

    private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);
    private static final int BATCH = 500;
    private static final int MAX_ROUNDS_PER_RUN = 20;

    private final ProblemStore problems;
    private final ProblemService service;
    private final TransactionalOperator transaction;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ProblemGaugesService gauges;

    public DeadlineService(ProblemStore problems, ProblemService service, TransactionalOperator transaction,
            MeterRegistry meters, Clock clock, ProblemGaugesService gauges) {
        this.problems = problems;
        this.service = service;
        this.transaction = transaction;
        this.meters = meters;
        this.clock = clock;
        this.gauges = gauges;
    }

    @Scheduled(fixedDelayString = "${tijian.ledger.deadlines.check-interval:PT1M}",
            initialDelayString = "${tijian.ledger.deadlines.initial-delay:PT5S}")
    void scheduledCheck() {
        try {
            long marked = 0;
            for (int round = 0; round < MAX_ROUNDS_PER_RUN; round++) {
                long found = check().block(Duration.ofMinutes(5));
                marked += found;
                if (found < BATCH) {
                    break;
                }
            }
            if (marked > 0) {
                log.info("deadline check found {} problems past their deadline", marked);
            }
            gauges.refresh().block(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("deadline check failed; the next run retries", e);
        }
    }

    /** One batch: @return how many problems past their deadline were looked at (and marked, unless someone was faster) */
    public Mono<Long> check() {
        LocalDate today = LocalDate.now(clock);
        return problems.dueForOverdue(today, BATCH)
                .concatMap(problem -> transaction.transactional(markOverdue(problem))
                        .thenReturn(1L)
                        .onErrorResume(TijianException.class, conflict -> Mono.just(1L)))
                .reduce(0L, Long::sum);
    }

    private Mono<Void> markOverdue(Problem problem) {
        Instant now = clock.instant();
        Problem.Change change = problem.markOverdue(now);
        return service.save(change, problem.version(), false, change.after().overdueEvent(now), TraceParent.newRoot())
                .doOnSuccess(done -> meters.counter("tijian.ledger.problems.overdue.marked",
                        "class", problem.rectificationClass().name()).increment());
    }
}
