package org.tijian.ledger.carryover;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.TijianUser;
import org.tijian.ledger.problem.LedgerAccess;
import org.tijian.ledger.problem.Problem;
import org.tijian.ledger.problem.ProblemService;
import org.tijian.ledger.problem.ProblemStore;
import reactor.core.publisher.Mono;

/**
 * Carries the unresolved problems (neither verified nor dismissed) of a check year in an area's subtree into the next
 * year's ledger, each linked to its origin ({@code carriedFrom}). Running it again carries nothing more: a problem
 * already carried is skipped, and one the next year already holds (opened by its evaluation) is only linked.
 */
@Service
public class CarryOverService {

    private final ProblemStore problems;
    private final ProblemService service;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public CarryOverService(ProblemStore problems, ProblemService service, TransactionalOperator transaction,
            Clock clock) {
        this.problems = problems;
        this.service = service;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Mono<CarryOver> carryOver(int fromYear, String areaCode, TijianUser user, TraceParent trace) {
        LedgerAccess.checkOfficialOf(user, areaCode, Set.of(Role.CITY_OFFICIAL), "carry problems over");
        Instant now = clock.instant();
        Mono<CarryOver> work = problems.notCarried(fromYear, areaCode)
                .concatMap(origin -> carry(origin, fromYear + 1, now, trace))
                .reduce(new CarryOver(fromYear, fromYear + 1, areaCode, 0, 0), CarryOver::plus);
        return transaction.transactional(work);
    }

    private Mono<CarryOver> carry(Problem origin, int toYear, Instant now, TraceParent trace) {
        Problem carried = origin.carriedInto(toYear, UUID.randomUUID(), now);
        return service.insertCarried(carried, now, trace)
                .flatMap(inserted -> inserted
                        ? Mono.just(new CarryOver(0, 0, null, 1, 0))
                        : problems.linkOrigin(toYear, origin.indicatorCode(), origin.areaCode(), origin.id())
                                .map(linked -> new CarryOver(0, 0, null, 0, linked ? 1 : 0)));
    }

    /**
     * @param carried problems copied into {@code toYear}
     * @param linked problems {@code toYear} already held (opened by evaluation), now linked to their origin
     */
    public record CarryOver(int fromYear, int toYear, String areaCode, long carried, long linked) {

        CarryOver plus(CarryOver other) {
            return new CarryOver(fromYear, toYear, areaCode, carried + other.carried, linked + other.linked);
        }
    }
}
