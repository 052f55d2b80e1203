package org.tijian.projects.drafting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.contracts.ledger.ProblemStatusChanged;
import org.tijian.kit.messaging.InboundEvent;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.projects.project.Action;
import org.tijian.projects.project.Link;
import org.tijian.projects.project.Project;
import org.tijian.projects.project.ProjectCommand;
import org.tijian.projects.project.ProjectService;
import org.tijian.projects.project.ProjectStatus;
import org.tijian.projects.project.ProjectStore;
import reactor.core.publisher.Mono;

/**
 * Keeps the draft library (项目库建议稿) in step with the ledger. An open problem no active project holds joins the
 * draft of its group (its grouping rule and area), or starts one; a problem dismissed, verified or carried over
 * leaves its draft (an emptied draft is cancelled); a reopened one is drafted again; a raised class raises the
 * draft's priority. Each handler runs inside the inbox transaction of {@code ProcessedEvents}, and is itself
 * idempotent: replays change nothing.
 */
@Service
public class DraftingService {

    private final ProblemCopyStore problems;
    private final ProjectStore projects;
    private final ProjectService projectService;
    private final DraftingPolicy policy;
    private final Clock clock;

    public DraftingService(ProblemCopyStore problems, ProjectStore projects, ProjectService projectService,
            DraftingPolicy policy, Clock clock) {
        this.problems = problems;
        this.projects = projects;
        this.projectService = projectService;
        this.policy = policy;
        this.clock = clock;
    }

    public Mono<Void> onIdentified(InboundEvent<ProblemIdentified> event) {
        OpenProblem problem = OpenProblem.of(event.payload());
        TraceParent trace = event.trace();
        return problems.insertIfAbsent(problem)
                .then(problems.find(problem.problemId()))
                .flatMap(current -> draft(current, trace));
    }

    public Mono<Void> onStatusChanged(InboundEvent<ProblemStatusChanged> event) {
        ProblemStatusChanged change = event.payload();
        TraceParent trace = event.trace();
        if ("CARRIED_OVER".equals(change.action())) {
            return carried(change, trace);
        }
        return problems.find(change.problemId())
                .filter(copy -> change.version() > copy.statusVersion())
                .flatMap(copy -> problems.updateStatus(copy.problemId(), change.toStatus(), change.version(),
                                change.rectificationClass())
                        .then(problems.find(copy.problemId())))
                .flatMap(updated -> {
                    if (OpenProblem.LEAVING.contains(updated.status())) {
                        return leave(updated, "问题状态变为 " + updated.status(), trace);
                    }
                    return updated.open() ? draft(updated, trace) : Mono.empty();
                });
    }

    /**
     * The ledger carried a problem into the next check year under a new id: the old one leaves its draft, the new
     * one (same indicator and area) is drafted into the next year's library.
     */
    private Mono<Void> carried(ProblemStatusChanged change, TraceParent trace) {
        return problems.find(change.problemId()).hasElement().flatMap(known -> known ? Mono.<Void>empty()
                : problems.find(change.checkYear() - 1, change.indicatorCode(), change.areaCode())
                        .flatMap(origin -> problems.updateStatus(origin.problemId(), OpenProblem.CARRIED,
                                        origin.statusVersion() + 1, origin.rectificationClass())
                                .then(leave(origin, "问题已结转至 " + change.checkYear() + " 年度", trace))
                                .then(Mono.defer(() -> {
                                    OpenProblem next = origin.carriedInto(change.problemId(), change.checkYear(),
                                            change.toStatus(), change.version());
                                    return problems.insertIfAbsent(next).then(draft(next, trace));
                                }))));
    }

    /** Puts an open problem into the draft of its group, unless an active project holds it already. */
    Mono<Void> draft(OpenProblem problem, TraceParent trace) {
        if (!problem.open()) {
            return Mono.empty();
        }
        return projects.activeHolding(problem.problemId())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(holder -> holder.isPresent() ? refreshClass(holder.get(), problem, trace) : join(problem, trace));
    }

    private Mono<Void> join(OpenProblem problem, TraceParent trace) {
        DraftingPolicy.Group group = policy.groupOf(problem);
        Link link = policy.linkOf(problem);
        return projects.draftOf(problem.checkYear(), group.key())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(existing -> {
                    if (existing.isPresent()) {
                        Project draft = existing.get();
                        List<Link> links = new ArrayList<>(draft.links());
                        links.add(link);
                        return relink(draft, links, Action.PROBLEM_JOINED, null, trace);
                    }
                    return projectService.compose(group.rule().id(), List.of(link)).flatMap(c -> {
                        Project.Change change = Project.draft(java.util.UUID.randomUUID(), problem.checkYear(),
                                group.rule().id(), group.key(), group.type(policy),
                                policy.departmentOf(group.rule(), problem.indicatorCode()), group.years(policy),
                                List.of(link), c, clock.instant());
                        return projectService.insert(change, change.after().proposed(), trace);
                    });
                });
    }

    /** A problem whose class was raised to TIME_LIMITED raises the priority of the draft holding it. */
    private Mono<Void> refreshClass(Project holder, OpenProblem problem, TraceParent trace) {
        Link fresh = policy.linkOf(problem);
        if (holder.status() != ProjectStatus.DRAFT) {
            return Mono.empty();
        }
        boolean changed = holder.links().stream()
                .anyMatch(l -> l.problemId().equals(problem.problemId()) && l.timeLimited() != fresh.timeLimited());
        if (!changed) {
            return Mono.empty();
        }
        List<Link> links = holder.links().stream()
                .map(l -> l.problemId().equals(problem.problemId()) ? fresh.withDone(l.done()) : l).toList();
        return relink(holder, links, Action.PROBLEM_JOINED, "整治类型变为 " + problem.rectificationClass(), trace);
    }

    /** Takes a problem out of the draft holding it; a draft left without problems is cancelled. */
    private Mono<Void> leave(OpenProblem problem, String why, TraceParent trace) {
        return projects.activeHolding(problem.problemId())
                .filter(p -> p.status() == ProjectStatus.DRAFT)
                .flatMap(draft -> {
                    List<Link> rest = draft.links().stream()
                            .filter(l -> !l.problemId().equals(problem.problemId())).toList();
                    if (!rest.isEmpty()) {
                        return relink(draft, rest, Action.PROBLEM_LEFT, why, trace);
                    }
                    return projectService.compose(draft.rule(), rest).flatMap(c -> {
                        Project.Change emptied = draft.relink(rest, c, Action.PROBLEM_LEFT, Project.SYSTEM, why,
                                Map.of(), clock.instant());
                        Project.Change cancelled = emptied.after().apply(ProjectCommand.of(Action.CANCEL)
                                .because("建议稿已无待整治问题"), Project.SYSTEM, clock.instant());
                        return projectService.save(emptied, draft.version(), null, trace)
                                .then(projectService.save(cancelled, emptied.after().version(), null, trace));
                    });
                });
    }

    private Mono<Void> relink(Project draft, List<Link> links, Action action, String why, TraceParent trace) {
        return projectService.compose(draft.rule(), links).flatMap(c -> projectService.save(
                draft.relink(links, c, action, Project.SYSTEM, why, Map.of(), clock.instant()), draft.version(), null,
                trace));
    }
}
