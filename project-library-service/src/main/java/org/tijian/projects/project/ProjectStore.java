package org.tijian.projects.project;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: projects with their problem links and their append-only history. */
public interface ProjectStore {

    /** Inserts a new project and its links; fails with {@code ProjectError.PROBLEM_TAKEN} if a problem is taken. */
    Mono<Void> insert(Project project);

    /**
     * Writes {@code project} (and its links) if it still has {@code expectedVersion}.
     *
     * @return false when someone changed it since
     */
    Mono<Boolean> update(Project project, long expectedVersion);

    /** The project, locked for the rest of the transaction. */
    Mono<Project> findById(UUID id);

    /** The open draft of a grouping rule's group, locked. */
    Mono<Project> draftOf(int checkYear, String groupKey);

    /** The active project (not completed or cancelled) that holds {@code problemId}, locked. */
    Mono<Project> activeHolding(UUID problemId);

    Flux<Project> search(ProjectQuery query);

    /** Totals of the projects {@code query} selects (its limit and offset aside), cancelled ones left out. */
    Flux<ProjectSums> sums(ProjectQuery query);

    /** Projects of a plan year with an area in {@code areaCode}'s subtree, in one of {@code statuses}, locked. */
    Flux<Project> forBatch(int planYear, String areaCode, List<ProjectStatus> statuses);

    Flux<Project> inBatch(UUID batchId);

    Mono<Void> append(HistoryEntry entry);

    Flux<HistoryEntry> history(UUID projectId);
}
