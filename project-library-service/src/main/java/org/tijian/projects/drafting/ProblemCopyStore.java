package org.tijian.projects.drafting;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tijian.contracts.RectificationClass;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the library's copy of ledger problems, and the names of areas from the catalog copy. */
public interface ProblemCopyStore {

    /** @return false when the problem was known already (a replayed or duplicated event) */
    Mono<Boolean> insertIfAbsent(OpenProblem problem);

    Mono<OpenProblem> find(UUID problemId);

    /** The problem of an indicator and area in a check year (the origin of a carried-over problem). */
    Mono<OpenProblem> find(int checkYear, String indicatorCode, String areaCode);

    Flux<OpenProblem> findAll(List<UUID> problemIds);

    /** Sets the status if {@code version} is newer than the one the copy has; false when it is not. */
    Mono<Boolean> updateStatus(UUID problemId, String status, long version, RectificationClass rectificationClass);

    /** Area code → name (名称) for the codes the catalog copy knows. */
    Mono<Map<String, String>> areaNames(Collection<String> codes);
}
