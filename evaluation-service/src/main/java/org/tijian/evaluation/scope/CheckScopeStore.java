package org.tijian.evaluation.scope;

import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Check scopes and the facts about the area tree their rules need, read set-based, never a whole subtree. */
public interface CheckScopeStore {

    /** What the tree says about each of {@code codes} that exists (unknown codes are left out). */
    Flux<ScopeArea> resolve(Collection<String> codes);

    /** The number of the city's communities whose street's name ends with {@code streetSuffix}. */
    Mono<Long> countCommunitiesUnderStreets(String cityCode, String streetSuffix);

    /**
     * Stores the scope as the city's current one for the year (version 1, or the previous version + 1),
     * and appends it to the history. @return the stored scope with its version and time
     */
    Mono<CheckScope> save(CheckScope draft);

    Mono<CheckScope> find(String cityCode, int year);

    /** Every city's current scope for the year, by city code. */
    Flux<CheckScope> findByYear(int year);

    /** Every version of the city's scope for the year, newest first. */
    Flux<CheckScope> history(String cityCode, int year);
}
