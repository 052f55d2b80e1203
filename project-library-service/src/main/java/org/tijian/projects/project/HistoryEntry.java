package org.tijian.projects.project;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One change of a project, appended and never rewritten: who, when, what (action, status move, payload) and why.
 *
 * @param version the project's version after the change; entries of a project are read in this order
 * @param payload what changed: edited fields as {@code [before, after]}, problems joined or left, resolution,
 *     progress, acceptance record, merge and split partners
 */
public record HistoryEntry(
        UUID projectId,
        long version,
        Instant at,
        String actor,
        Action action,
        ProjectStatus fromStatus,
        ProjectStatus toStatus,
        String reason,
        Map<String, Object> payload) {
}
