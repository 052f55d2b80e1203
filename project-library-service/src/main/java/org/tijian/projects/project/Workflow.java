package org.tijian.projects.project;

import static org.tijian.projects.project.ProjectStatus.APPROVED;
import static org.tijian.projects.project.ProjectStatus.CANCELLED;
import static org.tijian.projects.project.ProjectStatus.COMPLETED;
import static org.tijian.projects.project.ProjectStatus.DRAFT;
import static org.tijian.projects.project.ProjectStatus.IN_PROGRESS;
import static org.tijian.projects.project.ProjectStatus.ISSUED;
import static org.tijian.projects.project.ProjectStatus.RETURNED;
import static org.tijian.projects.project.ProjectStatus.SUBMITTED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow table, in one place. Anything not listed is forbidden.
 *
 * <pre>
 * DRAFT ─SUBMIT→ SUBMITTED ─APPROVE→ APPROVED ─ISSUE→ ISSUED ─START→ IN_PROGRESS ─COMPLETE→ COMPLETED
 *   ↑               └─RETURN→ RETURNED ─SUBMIT→ SUBMITTED              ↺REPORT_PROGRESS
 * DRAFT, RETURNED, APPROVED, ISSUED, IN_PROGRESS ─CANCEL→ CANCELLED
 * </pre>
 */
public final class Workflow {

    private static final Map<Action, Map<ProjectStatus, ProjectStatus>> TABLE = new EnumMap<>(Action.class);

    static {
        allow(Action.SUBMIT, DRAFT, SUBMITTED);
        allow(Action.SUBMIT, RETURNED, SUBMITTED);
        allow(Action.APPROVE, SUBMITTED, APPROVED);
        allow(Action.RETURN, SUBMITTED, RETURNED);
        allow(Action.ISSUE, APPROVED, ISSUED);
        allow(Action.START, ISSUED, IN_PROGRESS);
        allow(Action.REPORT_PROGRESS, IN_PROGRESS, IN_PROGRESS);
        allow(Action.COMPLETE, IN_PROGRESS, COMPLETED);
        for (ProjectStatus from : new ProjectStatus[] {DRAFT, RETURNED, APPROVED, ISSUED, IN_PROGRESS}) {
            allow(Action.CANCEL, from, CANCELLED);
        }
    }

    private static void allow(Action action, ProjectStatus from, ProjectStatus to) {
        TABLE.computeIfAbsent(action, a -> new EnumMap<>(ProjectStatus.class)).put(from, to);
    }

    /** @return where {@code action} leads from {@code from}, or empty if the workflow forbids it */
    public static Optional<ProjectStatus> next(ProjectStatus from, Action action) {
        return Optional.ofNullable(TABLE.getOrDefault(action, Map.of()).get(from));
    }

    private Workflow() {
    }
}
