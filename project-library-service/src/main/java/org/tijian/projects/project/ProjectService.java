package org.tijian.projects.project;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.outbox.EventOutbox;
import org.tijian.kit.security.TijianUser;
import org.tijian.projects.drafting.DraftingPolicy;
import org.tijian.projects.drafting.OpenProblem;
import org.tijian.projects.drafting.ProblemCopyStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Officials', the approver's and units' changes to the library: add, edit, merge, split, workflow actions one by one
 * or for the year's batch. Every change writes the project (and its links), one history entry and, where consumers
 * need it, one outbox event, in one transaction; a change names the version its caller saw (409 when stale).
 */
@Service
public class ProjectService {

    private final ProjectStore projects;
    private final ProblemCopyStore problems;
    private final DraftingPolicy policy;
    private final EventOutbox outbox;
    private final TransactionalOperator transaction;
    private final MeterRegistry meters;
    private final Clock clock;

    public ProjectService(ProjectStore projects, ProblemCopyStore problems, DraftingPolicy policy, EventOutbox outbox,
            TransactionalOperator transaction, MeterRegistry meters, Clock clock) {
        this.projects = projects;
        this.problems = problems;
        this.policy = policy;
        this.outbox = outbox;
        this.transaction = transaction;
        this.meters = meters;
        this.clock = clock;
    }

    /** Name, content, location, scale, estimate, effect and priority of a project of {@code ruleId} with {@code links}. */
    public Mono<Composition> compose(String ruleId, List<Link> links) {
        DraftingPolicy.Rule rule = policy.rule(ruleId, links.isEmpty() ? "" : links.get(0).indicatorCode());
        Set<String> areas = new HashSet<>();
        links.forEach(l -> areas.add(rule.groupBy().of(l.areaCode())));
        return problems.areaNames(areas)
                .map(names -> policy.compose(rule, links, code -> names.getOrDefault(code, code)));
    }

    /** Inserts a new project with its history entry and, if given, its event (keyed by project id). */
    public Mono<Void> insert(Project.Change change, Record event, TraceParent trace) {
        Project p = change.after();
        return projects.insert(p)
                .then(projects.append(change.entry()))
                .then(publish(p, event, trace))
                .doOnSuccess(done -> counted(change));
    }

    /** Writes a change if the project still has {@code expectedVersion}, with its history entry and its event. */
    public Mono<Void> save(Project.Change change, long expectedVersion, Record event, TraceParent trace) {
        Project p = change.after();
        return projects.update(p, expectedVersion)
                .flatMap(updated -> updated ? Mono.<Void>empty()
                        : projects.findById(p.id()).flatMap(now -> Mono.<Void>error(
                                new TijianException(ProjectError.VERSION_CONFLICT, now.version(), expectedVersion))))
                .then(Mono.defer(() -> projects.append(change.entry())))
                .then(Mono.defer(() -> publish(p, event, trace)))
                .doOnSuccess(done -> counted(change));
    }

    private Mono<Void> publish(Project p, Record event, TraceParent trace) {
        return event == null ? Mono.empty() : outbox.append(event, p.id().toString(), p.id().toString(), trace);
    }

    private void counted(Project.Change change) {
        meters.counter("tijian.projects.changes", "action", change.entry().action().name()).increment();
    }

    private Mono<Project> load(UUID id) {
        return projects.findById(id)
                .switchIfEmpty(Mono.error(() -> new TijianException(ProjectError.PROJECT_NOT_FOUND, id)));
    }

    private static void checkVersion(Project p, long expected) {
        if (p.version() != expected) {
            throw new TijianException(ProjectError.VERSION_CONFLICT, p.version(), expected);
        }
    }

    /** A workflow action; completing publishes {@code ProjectCompleted} for the ledger. */
    public Mono<Project> act(UUID id, ProjectCommand command, long expectedVersion, TijianUser user, TraceParent trace) {
        return transaction.transactional(load(id).flatMap(p -> {
            ProjectAccess.checkAction(user, p, command.action());
            checkVersion(p, expectedVersion);
            Project.Change change = p.apply(command, user.subject(), clock.instant());
            Record event = command.action() == Action.COMPLETE ? change.after().completed(user.subject()) : null;
            return save(change, expectedVersion, event, trace).thenReturn(change.after());
        }));
    }

    public Mono<Project> edit(UUID id, Project.Fields fields, String reason, long expectedVersion, TijianUser user) {
        return transaction.transactional(load(id).flatMap(p -> {
            ProjectAccess.checkAction(user, p, Action.EDIT);
            if (fields.areaCodes() != null && !fields.areaCodes().isEmpty()) {
                ProjectAccess.checkAction(user, fields.areaCodes(), p.department(), Action.EDIT);
            }
            checkVersion(p, expectedVersion);
            Project.Change change = p.edit(fields, user.subject(), reason, clock.instant());
            return save(change, expectedVersion, null, TraceParent.parseOrNew(null)).thenReturn(change.after());
        }));
    }

    /** A project added by hand, optionally linked to open problems that no active project holds. */
    public Mono<Project> create(int checkYear, Integer planYear, Project.Fields fields, List<UUID> problemIds,
            String reason, TijianUser user, TraceParent trace) {
        if (fields.areaCodes() == null || fields.areaCodes().isEmpty()) {
            throw new TijianException(ProjectError.BAD_COMMAND, "areaCodes are required");
        }
        ProjectAccess.checkAction(user, fields.areaCodes(), fields.department(), Action.CREATE);
        List<UUID> ids = problemIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(problemIds));
        Mono<Project> work = problems.findAll(ids).collectMap(OpenProblem::problemId).flatMap(found -> {
            List<Link> links = new ArrayList<>();
            for (UUID problem : ids) {
                OpenProblem open = found.get(problem);
                if (open == null || !open.open()) {
                    return Mono.error(new TijianException(ProjectError.PROBLEM_UNKNOWN, problem));
                }
                links.add(policy.linkOf(open));
            }
            Project.Change change = Project.create(UUID.randomUUID(), checkYear, planYear == null ? checkYear + 1 : planYear,
                    fields, links, user.subject(), reason, clock.instant());
            return insert(change, change.after().proposed(), trace).thenReturn(change.after());
        });
        return transaction.transactional(work);
    }

    /** Merges drafts into {@code targetId}: their problems join it, they are cancelled (MERGED_INTO). */
    public Mono<Project> merge(UUID targetId, List<UUID> otherIds, long expectedVersion, String reason, TijianUser user,
            TraceParent trace) {
        if (otherIds == null || otherIds.isEmpty() || otherIds.contains(targetId)
                || otherIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new TijianException(ProjectError.BAD_MERGE_OR_SPLIT, "name other projects to merge into this one");
        }
        String actor = user.subject();
        Mono<Project> work = load(targetId).flatMap(target -> {
            ProjectAccess.checkAction(user, target, Action.MERGE);
            checkVersion(target, expectedVersion);
            requireEditable(target);
            return Flux.fromIterable(new java.util.LinkedHashSet<>(otherIds)).concatMap(this::load).collectList()
                    .flatMap(others -> {
                        List<Link> links = new ArrayList<>(target.links());
                        for (Project other : others) {
                            ProjectAccess.checkAction(user, other, Action.MERGE);
                            requireEditable(other);
                            if (other.checkYear() != target.checkYear() || other.planYear() != target.planYear()) {
                                throw new TijianException(ProjectError.BAD_MERGE_OR_SPLIT,
                                        "project " + other.id() + " belongs to another year");
                            }
                            links.addAll(other.links());
                        }
                        Mono<Void> cancelOthers = Flux.fromIterable(others).concatMap(other -> save(
                                other.mergedInto(targetId, actor, reason, clock.instant()), other.version(), null, trace))
                                .then();
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("merged", others.stream().map(o -> o.id().toString()).toList());
                        return cancelOthers
                                .then(compose(target.rule(), links))
                                .flatMap(c -> {
                                    Project.Change change = target.relink(links, c, Action.MERGE, actor, reason, details,
                                            clock.instant());
                                    return save(change, expectedVersion, null, trace).thenReturn(change.after());
                                });
                    });
        });
        return transaction.transactional(work);
    }

    /** Splits the named problems off into a new draft. */
    public Mono<List<Project>> split(UUID id, List<UUID> problemIds, String newName, long expectedVersion, String reason,
            TijianUser user, TraceParent trace) {
        Mono<List<Project>> work = load(id).flatMap(source -> {
            ProjectAccess.checkAction(user, source, Action.SPLIT);
            checkVersion(source, expectedVersion);
            requireEditable(source);
            Set<UUID> moving = problemIds == null ? Set.of() : new HashSet<>(problemIds);
            List<Link> off = source.links().stream().filter(l -> moving.contains(l.problemId())).toList();
            List<Link> rest = source.links().stream().filter(l -> !moving.contains(l.problemId())).toList();
            if (off.isEmpty() || off.size() != moving.size() || rest.isEmpty()) {
                throw new TijianException(ProjectError.BAD_MERGE_OR_SPLIT,
                        "name some, not all, of the project's own problems to split off");
            }
            UUID newId = UUID.randomUUID();
            return Mono.zip(compose(source.rule(), rest), compose(source.rule(), off)).flatMap(cs -> {
                Project.Change kept = source.relink(rest, cs.getT1(), Action.SPLIT, user.subject(), reason,
                        Map.of("splitInto", newId.toString()), clock.instant());
                Project.Change created = source.splitOff(newId, off, cs.getT2(), newName, user.subject(), reason,
                        clock.instant());
                return save(kept, expectedVersion, null, trace)
                        .then(insert(created, created.after().proposed(), trace))
                        .thenReturn(List.of(kept.after(), created.after()));
            });
        });
        return transaction.transactional(work);
    }

    private static void requireEditable(Project p) {
        if (!p.status().editable()) {
            throw new TijianException(ProjectError.NOT_EDITABLE, p.id(), p.status());
        }
    }

    /** The year's batch: every draft (and returned project) of the area's subtree, submitted together. */
    public Mono<Batch> submitBatch(int planYear, String areaCode, String reason, TijianUser user, TraceParent trace) {
        ProjectAccess.checkAction(user, List.of(areaCode), null, Action.SUBMIT);
        UUID batchId = UUID.randomUUID();
        ProjectCommand submit = ProjectCommand.of(Action.SUBMIT).because(reason).inBatch(batchId);
        Mono<Batch> work = projects.forBatch(planYear, areaCode, List.of(ProjectStatus.DRAFT, ProjectStatus.RETURNED))
                .concatMap(p -> {
                    ProjectAccess.checkAction(user, p, Action.SUBMIT);
                    Project.Change change = p.apply(submit, user.subject(), clock.instant());
                    return save(change, p.version(), null, trace).thenReturn(p.id());
                })
                .collectList()
                .map(ids -> new Batch(batchId, planYear, areaCode, ProjectStatus.SUBMITTED, ids));
        return transaction.transactional(work);
    }

    /** The meeting's decision on a whole batch: every project of it still SUBMITTED is approved or returned. */
    public Mono<Batch> decideBatch(UUID batchId, ProjectCommand decision, TijianUser user, TraceParent trace) {
        if (decision.action() != Action.APPROVE && decision.action() != Action.RETURN) {
            throw new TijianException(ProjectError.BAD_COMMAND, "decision must be APPROVE or RETURN");
        }
        Mono<Batch> work = projects.inBatch(batchId)
                .filter(p -> p.status() == ProjectStatus.SUBMITTED)
                .concatMap(p -> {
                    ProjectAccess.checkAction(user, p, decision.action());
                    Project.Change change = p.apply(decision, user.subject(), clock.instant());
                    return save(change, p.version(), null, trace).thenReturn(change.after());
                })
                .collectList()
                .flatMap(decided -> decided.isEmpty()
                        ? Mono.error(new TijianException(ProjectError.PROJECT_NOT_FOUND, "batch " + batchId))
                        : Mono.just(new Batch(batchId, decided.get(0).planYear(), null, decided.get(0).status(),
                                decided.stream().map(Project::id).toList())));
        return transaction.transactional(work);
    }

    /** A batch of the year's library and the projects in it. */
    public record Batch(UUID batchId, int planYear, String areaCode, ProjectStatus status, List<UUID> projectIds) {
    }

    public Mono<Project> one(UUID id, TijianUser user) {
        return projects.findById(id)
                .switchIfEmpty(Mono.error(() -> new TijianException(ProjectError.PROJECT_NOT_FOUND, id)))
                .doOnNext(p -> ProjectAccess.checkRead(user, p));
    }

    public Flux<HistoryEntry> history(UUID id, TijianUser user) {
        return one(id, user).thenMany(projects.history(id));
    }

    public Flux<Project> search(ProjectQuery query, TijianUser user) {
        return projects.search(ProjectAccess.scope(user, query));
    }

    /** The library's totals over what {@code query} selects within the user's scope. */
    public Flux<ProjectSums> sums(ProjectQuery query, TijianUser user) {
        return projects.sums(ProjectAccess.scope(user, query));
    }
}
