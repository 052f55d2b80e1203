package org.tijian.evaluation.area;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface AreaStore {

    Mono<Area> find(String code);

    /** The city (设区市) the area lies in, or the area itself when it is a city; empty above or outside cities. */
    Mono<Area> city(String code);

    /** Children ordered by code, after {@code afterCode} (null for the first page). */
    Flux<Area> children(String code, String afterCode, int limit);

    Mono<Long> countChildren(String code);

    /** The area and everything below it, parents before children. */
    Flux<Area> subtree(String rootCode);

    /** Codes from the root down to the area's parent. */
    Mono<List<String>> ancestors(String code);

    Mono<Void> saveJob(ImportJob job);

    Mono<ImportJob> findJob(UUID id);
}
