package org.tijian.ledger.problem;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The problem ledger's rows and their append-only history. */
public interface ProblemStore {

    /** @return false when the ledger already holds a problem for this indicator, area and year */
    Mono<Boolean> insertIfAbsent(Problem problem);

    Mono<Problem> findById(UUID id);

    /** As {@link #findById}, locking the row until the transaction ends. */
    Mono<Problem> lockById(UUID id);

    /** The one problem of a check year, indicator and area, if any. */
    Mono<Problem> find(int checkYear, String indicatorCode, String areaCode);

    /** Writes {@code after} if the stored problem still has {@code expectedVersion}; false if someone was faster. */
    Mono<Boolean> update(Problem after, long expectedVersion);

    Mono<Void> append(HistoryEntry entry);

    /** A problem's history in the order it happened. */
    Flux<HistoryEntry> history(UUID problemId);

    Flux<Problem> search(ProblemQuery query);

    Mono<Long> count(ProblemQuery query);

    /** Open problems past their deadline on {@code today} not yet marked overdue. */
    Flux<Problem> dueForOverdue(LocalDate today, int limit);

    /**
     * BEST_EFFORT problems of a year and these indicators, not yet fixed, whose area lies on the branch of
     * {@code areaCode} (the area, above it or below it): those that complaints about the area may raise.
     */
    Flux<Problem> raisable(int checkYear, String areaCode, List<String> indicatorCodes);

    /** Unresolved problems (neither verified nor dismissed) of a year in an area's subtree, not yet carried over. */
    Flux<Problem> notCarried(int checkYear, String areaCode);

    /** Links a problem the next year already holds (opened by evaluation) to its origin; false if it was linked. */
    Mono<Boolean> linkOrigin(int checkYear, String indicatorCode, String areaCode, UUID origin);
}
