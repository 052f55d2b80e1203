package org.tijian.projects.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tijian.contracts.projects.ProjectCompleted;
import org.tijian.contracts.projects.ProjectProposed;
import org.tijian.kit.error.TijianException;

/**
 * A project of the library (项目库): drafted from ledger problems or added by hand, edited, merged and split while a
 * draft, then submitted, approved or returned, issued, carried out and completed or cancelled. State changes only
 * through its methods, each returning a {@link Change} with the new state and one history entry.
 *
 * @param checkYear the check year (体检年度) of the problems it rectifies
 * @param planYear the year of the library (项目库年度), {@code checkYear + 1} for drafts
 * @param rule the grouping rule that drafted it ({@code MANUAL} for one added by hand)
 * @param groupKey the group further problems of its rule join while it is a draft; null when split off or by hand
 * @param edited an official edited its texts: name and content are no longer regenerated when problems change
 * @param department 责任部门 code, e.g. {@code housing} (a responsible unit's {@code unit} claim)
 * @param progress overall progress in percent, weighted by the scale of its problems
 * @param closeReason why it was returned or cancelled
 */
public record Project(
        UUID id,
        int checkYear,
        int planYear,
        String name,
        ProjectType type,
        ProjectStatus status,
        List<String> areaCodes,
        String constructionContent,
        String scale,
        BigDecimal scaleQuantity,
        String scaleUnit,
        BigDecimal investmentWan,
        String estimate,
        String expectedEffect,
        String department,
        int startYear,
        int endYear,
        int priority,
        boolean timeLimited,
        String rule,
        String groupKey,
        boolean edited,
        List<Link> links,
        BigDecimal progress,
        UUID batchId,
        String resolutionNumber,
        LocalDate resolutionDate,
        String acceptanceRecord,
        LocalDate acceptedOn,
        String closeReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String MANUAL = "MANUAL";
    public static final String SYSTEM = "system:drafting";

    public Project {
        areaCodes = List.copyOf(areaCodes);
        links = List.copyOf(links);
    }

    /** A project's new state and the history entry that says how it got there. */
    public record Change(Project after, HistoryEntry entry) {
    }

    /** What an official sets when adding a project by hand or editing one; null fields are left as they are. */
    public record Fields(
            String name,
            ProjectType type,
            List<String> areaCodes,
            String constructionContent,
            String scale,
            BigDecimal scaleQuantity,
            String scaleUnit,
            BigDecimal investmentWan,
            String estimate,
            String expectedEffect,
            String department,
            Integer startYear,
            Integer endYear) {
    }

    /** A new draft of {@code rule} for {@code links}, composed as {@code composition} says. */
    public static Change draft(UUID id, int checkYear, String rule, String groupKey, ProjectType type, String department,
            int years, List<Link> links, Composition composition, Instant now) {
        int planYear = checkYear + 1;
        Project p = new Project(id, checkYear, planYear, composition.name(), type, ProjectStatus.DRAFT,
                composition.areaCodes(), composition.constructionContent(), composition.scale(),
                composition.scaleQuantity(), composition.scaleUnit(), composition.investmentWan(), composition.estimate(),
                composition.expectedEffect(), department, planYear, planYear + Math.max(years, 1) - 1,
                composition.priority(), composition.timeLimited(), rule, groupKey, false, links, BigDecimal.ZERO, null,
                null, null, null, null, null, now, now, 1);
        return new Change(p, p.entry(1, now, SYSTEM, Action.DRAFTED, ProjectStatus.DRAFT, null,
                payload("rule", rule, "groupKey", groupKey, "problems", ids(links))));
    }

    /**
     * A project added by hand (always a draft). Its texts and figures are the official's; linked problems, if any, set
     * its priority.
     */
    public static Change create(UUID id, int checkYear, int planYear, Fields f, List<Link> links, String actor,
            String reason, Instant now) {
        require(f.name() != null && !f.name().isBlank(), "name is required");
        require(f.type() != null, "type is required");
        require(f.areaCodes() != null && !f.areaCodes().isEmpty(), "areaCodes are required");
        require(f.constructionContent() != null && !f.constructionContent().isBlank(), "constructionContent is required");
        int start = f.startYear() == null ? planYear : f.startYear();
        int end = f.endYear() == null ? start : f.endYear();
        require(end >= start, "endYear before startYear");
        boolean timeLimited = links.stream().anyMatch(Link::timeLimited);
        Project p = new Project(id, checkYear, planYear, f.name().strip(), f.type(), ProjectStatus.DRAFT, f.areaCodes(),
                f.constructionContent(), f.scale(), f.scaleQuantity(), f.scaleUnit(), f.investmentWan(), f.estimate(),
                f.expectedEffect(), f.department(), start, end, timeLimited ? 1 : 2, timeLimited, MANUAL, null, true,
                links, BigDecimal.ZERO, null, null, null, null, null, null, now, now, 1);
        return new Change(p, p.entry(1, now, actor, Action.CREATE, ProjectStatus.DRAFT, reason,
                payload("problems", ids(links))));
    }

    /** Problems joined or left (drafting, merge, split): the figures follow the problems; texts too unless edited. */
    public Change relink(List<Link> newLinks, Composition c, Action action, String actor, String reason,
            Map<String, Object> details, Instant now) {
        if (!status.editable()) {
            throw new TijianException(ProjectError.NOT_EDITABLE, id, status);
        }
        Project p = new Project(id, checkYear, planYear, edited ? name : c.name(), type, status,
                c.areaCodes().isEmpty() ? areaCodes : c.areaCodes(), edited ? constructionContent : c.constructionContent(),
                c.scale(), c.scaleQuantity(), c.scaleUnit(), c.investmentWan(), c.estimate(), c.expectedEffect(),
                department, startYear, endYear, c.priority(), c.timeLimited(), rule, groupKey, edited, newLinks, progress,
                batchId, resolutionNumber, resolutionDate, acceptanceRecord, acceptedOn, closeReason, createdAt, now,
                version + 1);
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("joined", ids(minus(newLinks, links)));
        payload.put("left", ids(minus(links, newLinks)));
        return new Change(p, p.entry(p.version, now, actor, action, status, reason, payload));
    }

    /** A new draft split off this one with {@code splitLinks}: same rule, type, department and schedule, no group. */
    public Change splitOff(UUID newId, List<Link> splitLinks, Composition c, String newName, String actor, String reason,
            Instant now) {
        if (!status.editable()) {
            throw new TijianException(ProjectError.NOT_EDITABLE, id, status);
        }
        String n = newName == null || newName.isBlank() ? c.name() + "（拆分）" : newName.strip();
        Project p = new Project(newId, checkYear, planYear, n, type, ProjectStatus.DRAFT, c.areaCodes(),
                c.constructionContent(), c.scale(), c.scaleQuantity(), c.scaleUnit(), c.investmentWan(), c.estimate(),
                c.expectedEffect(), department, startYear, endYear, c.priority(), c.timeLimited(), rule, null, true,
                splitLinks, BigDecimal.ZERO, null, null, null, null, null, null, now, now, 1);
        return new Change(p, p.entry(1, now, actor, Action.SPLIT_FROM, ProjectStatus.DRAFT, reason,
                payload("splitFrom", id.toString(), "problems", ids(splitLinks))));
    }

    /** A draft merged into another: cancelled, its problems moved. */
    public Change mergedInto(UUID target, String actor, String reason, Instant now) {
        if (!status.editable()) {
            throw new TijianException(ProjectError.NOT_EDITABLE, id, status);
        }
        Project p = withStatus(ProjectStatus.CANCELLED, List.of(), "合并至项目 " + target
                + (reason == null || reason.isBlank() ? "" : "：" + reason), now);
        return new Change(p, p.entry(p.version, now, actor, Action.MERGED_INTO, status, reason,
                payload("mergedInto", target.toString(), "problems", ids(links))));
    }

    /** An official's edit of a draft or a returned project; each changed field is recorded as [before, after]. */
    public Change edit(Fields f, String actor, String reason, Instant now) {
        if (!status.editable()) {
            throw new TijianException(ProjectError.NOT_EDITABLE, id, status);
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        String n = pick("name", name, f.name(), changed);
        ProjectType t = pick("type", type, f.type(), changed);
        List<String> areas = pick("areaCodes", areaCodes, f.areaCodes() == null || f.areaCodes().isEmpty() ? null
                : List.copyOf(f.areaCodes()), changed);
        String content = pick("constructionContent", constructionContent, f.constructionContent(), changed);
        String sc = pick("scale", scale, f.scale(), changed);
        BigDecimal scq = pick("scaleQuantity", scaleQuantity, f.scaleQuantity(), changed);
        String scu = pick("scaleUnit", scaleUnit, f.scaleUnit(), changed);
        BigDecimal inv = pick("investmentWan", investmentWan, f.investmentWan(), changed);
        String est = pick("estimate", estimate, f.estimate(), changed);
        String eff = pick("expectedEffect", expectedEffect, f.expectedEffect(), changed);
        String dep = pick("department", department, f.department(), changed);
        int start = pick("startYear", startYear, f.startYear(), changed);
        int end = pick("endYear", endYear, f.endYear(), changed);
        require(!n.isBlank(), "name must not be blank");
        require(end >= start, "endYear before startYear");
        require(inv == null || inv.signum() >= 0, "investmentWan must not be negative");
        require(changed.size() > 0, "nothing to change");
        Project p = new Project(id, checkYear, planYear, n, t, status, areas, content, sc, scq, scu, inv, est, eff, dep,
                start, end, priority, timeLimited, rule, groupKey, true, links, progress, batchId, resolutionNumber,
                resolutionDate, acceptanceRecord, acceptedOn, closeReason, createdAt, now, version + 1);
        return new Change(p, p.entry(p.version, now, actor, Action.EDIT, status, reason, changed));
    }

    /** A workflow action, as {@link Workflow} allows it and with the fields it needs. */
    public Change apply(ProjectCommand c, String actor, Instant now) {
        ProjectStatus to = Workflow.next(status, c.action())
                .orElseThrow(() -> new TijianException(ProjectError.TRANSITION_NOT_ALLOWED, status, c.action()));
        Map<String, Object> payload = new LinkedHashMap<>();
        Project p;
        switch (c.action()) {
            case SUBMIT -> {
                if (c.batchId() != null) {
                    payload.put("batchId", c.batchId().toString());
                }
                p = with(to, c.batchId() == null ? batchId : c.batchId(), resolutionNumber, resolutionDate, department,
                        links, progress, acceptanceRecord, acceptedOn, null, now);
            }
            case APPROVE, RETURN -> {
                if (blank(c.resolutionNumber()) || c.resolutionDate() == null) {
                    throw new TijianException(ProjectError.RESOLUTION_REQUIRED, c.action());
                }
                if (c.action() == Action.RETURN && blank(c.reason())) {
                    throw new TijianException(ProjectError.REASON_REQUIRED, c.action());
                }
                payload.put("resolutionNumber", c.resolutionNumber());
                payload.put("resolutionDate", c.resolutionDate().toString());
                p = with(to, batchId, c.resolutionNumber(), c.resolutionDate(), department, links, progress,
                        acceptanceRecord, acceptedOn, c.action() == Action.RETURN ? c.reason() : null, now);
            }
            case ISSUE -> {
                String dep = blank(c.department()) ? department : c.department().strip();
                if (blank(dep)) {
                    throw new TijianException(ProjectError.DEPARTMENT_REQUIRED);
                }
                payload.put("department", dep);
                p = with(to, batchId, resolutionNumber, resolutionDate, dep, links, progress, acceptanceRecord,
                        acceptedOn, closeReason, now);
            }
            case START -> p = with(to, batchId, resolutionNumber, resolutionDate, department, links, progress,
                    acceptanceRecord, acceptedOn, closeReason, now);
            case REPORT_PROGRESS -> {
                if (blank(c.note())) {
                    throw new TijianException(ProjectError.PROGRESS_INVALID, "note is required");
                }
                List<Link> marked = markDone(c.completedProblemIds());
                BigDecimal newProgress = progressOf(marked, c.completedQuantity());
                payload.put("note", c.note());
                payload.put("completedProblemIds", c.completedProblemIds().stream().map(UUID::toString).toList());
                if (c.completedQuantity() != null) {
                    payload.put("completedQuantity", c.completedQuantity());
                }
                payload.put("progress", newProgress);
                p = with(to, batchId, resolutionNumber, resolutionDate, department, marked, newProgress,
                        acceptanceRecord, acceptedOn, closeReason, now);
            }
            case COMPLETE -> {
                if (blank(c.acceptanceRecord()) || c.acceptedOn() == null) {
                    throw new TijianException(ProjectError.ACCEPTANCE_REQUIRED);
                }
                payload.put("acceptanceRecord", c.acceptanceRecord());
                payload.put("acceptedOn", c.acceptedOn().toString());
                p = with(to, batchId, resolutionNumber, resolutionDate, department,
                        links.stream().map(l -> l.withDone(true)).toList(), new BigDecimal("100"), c.acceptanceRecord(),
                        c.acceptedOn(), closeReason, now);
            }
            case CANCEL -> {
                if (blank(c.reason())) {
                    throw new TijianException(ProjectError.REASON_REQUIRED, c.action());
                }
                p = with(to, batchId, resolutionNumber, resolutionDate, department, links, progress, acceptanceRecord,
                        acceptedOn, c.reason(), now);
            }
            default -> throw new TijianException(ProjectError.BAD_COMMAND, c.action() + " is not a workflow action");
        }
        return new Change(p, p.entry(p.version, now, actor, c.action(), status, c.reason(), payload));
    }

    private List<Link> markDone(List<UUID> done) {
        Set<UUID> known = links.stream().map(Link::problemId).collect(Collectors.toSet());
        for (UUID problem : done) {
            if (!known.contains(problem)) {
                throw new TijianException(ProjectError.PROGRESS_INVALID, "problem " + problem + " is not linked");
            }
        }
        return links.stream().map(l -> done.contains(l.problemId()) ? l.withDone(true) : l).toList();
    }

    /** Progress weighted by scale: done quantity over all, of the linked problems (or of the project's own scale). */
    private BigDecimal progressOf(List<Link> marked, BigDecimal completedQuantity) {
        if (!marked.isEmpty()) {
            BigDecimal all = marked.stream().map(Link::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal done = marked.stream().filter(Link::done).map(Link::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            return all.signum() == 0 ? BigDecimal.ZERO : percent(done, all);
        }
        if (completedQuantity == null) {
            return progress;
        }
        if (scaleQuantity == null || scaleQuantity.signum() <= 0) {
            throw new TijianException(ProjectError.PROGRESS_INVALID, "the project has no scale quantity");
        }
        if (completedQuantity.signum() < 0 || completedQuantity.compareTo(scaleQuantity) > 0) {
            throw new TijianException(ProjectError.PROGRESS_INVALID, "completedQuantity must lie in 0.." + scaleQuantity);
        }
        return percent(completedQuantity, scaleQuantity);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(new BigDecimal("100")).divide(whole, 1, RoundingMode.HALF_UP);
    }

    private Project with(ProjectStatus to, UUID batch, String resolution, LocalDate resolvedOn, String dep,
            List<Link> newLinks, BigDecimal newProgress, String acceptance, LocalDate accepted, String close, Instant now) {
        return new Project(id, checkYear, planYear, name, type, to, areaCodes, constructionContent, scale, scaleQuantity,
                scaleUnit, investmentWan, estimate, expectedEffect, dep, startYear, endYear, priority, timeLimited, rule,
                groupKey, edited, newLinks, newProgress, batch, resolution, resolvedOn, acceptance, accepted, close,
                createdAt, now, version + 1);
    }

    /** The same project holding {@code newLinks} (as read from the store). */
    public Project withLinks(List<Link> newLinks) {
        return new Project(id, checkYear, planYear, name, type, status, areaCodes, constructionContent, scale,
                scaleQuantity, scaleUnit, investmentWan, estimate, expectedEffect, department, startYear, endYear,
                priority, timeLimited, rule, groupKey, edited, newLinks, progress, batchId, resolutionNumber,
                resolutionDate, acceptanceRecord, acceptedOn, closeReason, createdAt, updatedAt, version);
    }

    private Project withStatus(ProjectStatus to, List<Link> newLinks, String close, Instant now) {
        return with(to, batchId, resolutionNumber, resolutionDate, department, newLinks, progress, acceptanceRecord,
                acceptedOn, close, now);
    }

    private HistoryEntry entry(long atVersion, Instant now, String actor, Action action, ProjectStatus from,
            String reason, Map<String, Object> payload) {
        return new HistoryEntry(id, atVersion, now, actor, action, from, status, reason, payload);
    }

    public List<UUID> problemIds() {
        return ids(links);
    }

    public ProjectProposed proposed() {
        return new ProjectProposed(id, planYear, name, type.name(), areaCodes, problemIds(), createdAt);
    }

    /** The event the ledger consumes to move the linked problems to REPORTED_FIXED. */
    public ProjectCompleted completed(String actor) {
        return new ProjectCompleted(id, checkYear, planYear, name, type.name(), areaCodes, problemIds(), department,
                acceptanceRecord, acceptedOn, actor, updatedAt);
    }

    /** 建设时序 as shown: {@code 2026} or {@code 2026—2027}. */
    public String schedule() {
        return startYear == endYear ? String.valueOf(startYear) : startYear + "—" + endYear;
    }

    static List<UUID> ids(List<Link> links) {
        return links.stream().map(Link::problemId).toList();
    }

    private static List<Link> minus(List<Link> a, List<Link> b) {
        Set<UUID> other = b.stream().map(Link::problemId).collect(Collectors.toSet());
        return a.stream().filter(l -> !other.contains(l.problemId())).toList();
    }

    private static <T> T pick(String field, T before, T requested, Map<String, Object> changed) {
        if (requested == null || Objects.equals(before, requested)
                || (requested instanceof BigDecimal r && before instanceof BigDecimal b && r.compareTo(b) == 0)) {
            return before;
        }
        List<Object> move = new ArrayList<>();
        move.add(before instanceof Enum<?> e ? e.name() : before);
        move.add(requested instanceof Enum<?> e ? e.name() : requested);
        changed.put(field, move);
        return requested;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new TijianException(ProjectError.BAD_COMMAND, problem);
        }
    }

    static Map<String, Object> payload(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            map.put((String) pairs[i], value instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : value);
        }
        return map;
    }
}
