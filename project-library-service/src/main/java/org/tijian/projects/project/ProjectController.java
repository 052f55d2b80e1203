package org.tijian.projects.project;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The project library (项目库): queries, one project with its history, additions, edits, merges, splits, workflow. */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private static final int MAX_LIMIT = 1000;

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping
    Flux<ProjectJson> search(@RequestParam(required = false) String areaCode, @RequestParam(required = false) Integer planYear,
            @RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(required = false) String department, @RequestParam(defaultValue = "200") int limit,
            @RequestParam(defaultValue = "0") long offset, @AuthenticationPrincipal Jwt jwt) {
        if (offset < 0) {
            throw new TijianException(ProjectError.BAD_QUERY, "offset >= 0");
        }
        ProjectQuery q = query(areaCode, planYear, status, type, department, limit);
        return projects.search(new ProjectQuery(q.areaCode(), q.planYear(), q.status(), q.type(), q.department(), q.limit(),
                offset), user(jwt)).map(ProjectJson::of);
    }

    /** The draft library of a plan year, as the first version of this API answered it (kept for its callers). */
    @GetMapping("/proposals")
    Flux<ProjectJson> proposals(@RequestParam int year, @RequestParam(required = false) String areaCode,
            @RequestParam(defaultValue = "200") int limit, @AuthenticationPrincipal Jwt jwt) {
        return search(areaCode, year, null, null, null, limit, 0, jwt);
    }

    @GetMapping("/proposals/{id}")
    Mono<ResponseEntity<ProjectView>> proposal(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return one(id, jwt);
    }

    static ProjectQuery query(String areaCode, Integer planYear, String status, String type, String department, int limit) {
        if (areaCode != null && !areaCode.matches("\\d{1,24}")) {
            throw new TijianException(ProjectError.BAD_QUERY, "areaCode must be digits: " + areaCode);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new TijianException(ProjectError.BAD_QUERY, "1 <= limit <= " + MAX_LIMIT);
        }
        return new ProjectQuery(areaCode, planYear, parse(ProjectStatus.class, "status", status),
                parse(ProjectType.class, "type", type), department, limit);
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<ProjectView>> one(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        TijianUser user = user(jwt);
        return projects.one(id, user)
                .flatMap(p -> projects.history(id, user).collectList()
                        .map(history -> ResponseEntity.ok().eTag(etag(p)).body(new ProjectView(ProjectJson.of(p),
                                history))));
    }

    @GetMapping("/{id}/history")
    Flux<HistoryEntry> history(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return projects.history(id, user(jwt));
    }

    /** A project added by hand (a draft). */
    @PostMapping
    Mono<ResponseEntity<Project>> create(@RequestBody ProjectRequest body,
            @RequestHeader(name = "traceparent", required = false) String traceparent, @AuthenticationPrincipal Jwt jwt) {
        if (body == null || body.checkYear() == null || body.checkYear() < 2000 || body.checkYear() > 2200
                || (body.planYear() != null && (body.planYear() < body.checkYear() || body.planYear() > 2200))) {
            throw new TijianException(ProjectError.BAD_COMMAND, "checkYear (2000..2200) is required; planYear not before it");
        }
        return projects.create(body.checkYear(), body.planYear(), body.fields(), body.problemIds(), body.reason(), user(jwt),
                        TraceParent.parseOrNew(traceparent))
                .map(p -> ResponseEntity.status(HttpStatus.CREATED).eTag(etag(p)).body(p));
    }

    @PatchMapping("/{id}")
    Mono<ResponseEntity<Project>> edit(@PathVariable UUID id, @RequestBody ProjectRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt jwt) {
        if (body == null) {
            throw new TijianException(ProjectError.BAD_COMMAND, "a body with the fields to change is required");
        }
        return projects.edit(id, body.fields(), body.reason(), version(ifMatch, body.expectedVersion()), user(jwt))
                .map(p -> ResponseEntity.ok().eTag(etag(p)).body(p));
    }

    @PostMapping("/{id}/actions")
    Mono<ResponseEntity<Project>> act(@PathVariable UUID id, @RequestBody ActionRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "traceparent", required = false) String traceparent, @AuthenticationPrincipal Jwt jwt) {
        if (body == null || body.action() == null) {
            throw new TijianException(ProjectError.BAD_COMMAND, "action is required");
        }
        Action action = parse(Action.class, "action", body.action());
        if (!action.workflow()) {
            throw new TijianException(ProjectError.BAD_COMMAND, action + " is not a workflow action");
        }
        ProjectCommand command = new ProjectCommand(action, body.reason(), body.resolutionNumber(), body.resolutionDate(),
                body.department(), body.note(), body.completedProblemIds(), body.completedQuantity(),
                body.acceptanceRecord(), body.acceptedOn(), null);
        return projects.act(id, command, version(ifMatch, body.expectedVersion()), user(jwt),
                        TraceParent.parseOrNew(traceparent))
                .map(p -> ResponseEntity.ok().eTag(etag(p)).body(p));
    }

    @PostMapping("/{id}/merge")
    Mono<ResponseEntity<Project>> merge(@PathVariable UUID id, @RequestBody MergeRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt jwt) {
        if (body == null) {
            throw new TijianException(ProjectError.BAD_COMMAND, "otherIds are required");
        }
        return projects.merge(id, body.otherIds(), version(ifMatch, body.expectedVersion()), body.reason(), user(jwt),
                        TraceParent.parseOrNew(null))
                .map(p -> ResponseEntity.ok().eTag(etag(p)).body(p));
    }

    /** Answers the project kept and the new one, in this order. */
    @PostMapping("/{id}/split")
    Mono<List<Project>> split(@PathVariable UUID id, @RequestBody SplitRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt jwt) {
        if (body == null) {
            throw new TijianException(ProjectError.BAD_COMMAND, "problemIds are required");
        }
        return projects.split(id, body.problemIds(), body.name(), version(ifMatch, body.expectedVersion()), body.reason(),
                user(jwt), TraceParent.parseOrNew(null));
    }

    /** Submits the year's drafts of an area's subtree as one batch to the executive meeting. */
    @PostMapping("/batches")
    Mono<ProjectService.Batch> submitBatch(@RequestBody BatchRequest body, @AuthenticationPrincipal Jwt jwt) {
        if (body == null || body.planYear() == null || body.areaCode() == null || !body.areaCode().matches("\\d{1,24}")) {
            throw new TijianException(ProjectError.BAD_COMMAND, "planYear and areaCode (digits) are required");
        }
        return projects.submitBatch(body.planYear(), body.areaCode(), body.reason(), user(jwt), TraceParent.parseOrNew(null));
    }

    /** The meeting's decision (APPROVE or RETURN) on a whole batch, with its resolution number and date. */
    @PostMapping("/batches/{batchId}/decision")
    Mono<ProjectService.Batch> decide(@PathVariable UUID batchId, @RequestBody ActionRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        if (body == null || body.action() == null) {
            throw new TijianException(ProjectError.BAD_COMMAND, "action (APPROVE or RETURN) is required");
        }
        ProjectCommand decision = ProjectCommand.of(parse(Action.class, "action", body.action())).because(body.reason())
                .resolved(body.resolutionNumber(), body.resolutionDate());
        return projects.decideBatch(batchId, decision, user(jwt), TraceParent.parseOrNew(null));
    }

    static TijianUser user(Jwt jwt) {
        return TijianUser.fromClaims(jwt.getClaims());
    }

    private static long version(String ifMatch, Long expectedVersion) {
        if (ifMatch != null) {
            try {
                return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
            } catch (NumberFormatException e) {
                throw new TijianException(ProjectError.BAD_COMMAND, "If-Match must be a project version: " + ifMatch);
            }
        }
        if (expectedVersion == null) {
            throw new TijianException(ProjectError.VERSION_REQUIRED);
        }
        return expectedVersion;
    }

    private static String etag(Project p) {
        return "\"" + p.version() + "\"";
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TijianException(ProjectError.BAD_QUERY, name + " is not one of "
                    + Arrays.toString(type.getEnumConstants()) + ": " + value);
        }
    }

    /**
     * A project as JSON: its fields, plus its problem ids, 建设时序 as shown and the Chinese names of its type and
     * status.
     */
    record ProjectJson(@JsonUnwrapped Project project, List<UUID> problemIds, String schedule, String typeNameZh,
            String statusNameZh) {

        static ProjectJson of(Project p) {
            return new ProjectJson(p, p.problemIds(), p.schedule(), p.type().nameZh(), p.status().nameZh());
        }
    }

    /** A project with its history, as one JSON object. */
    record ProjectView(@JsonUnwrapped ProjectJson project, List<HistoryEntry> history) {
    }

    record ProjectRequest(Integer checkYear, Integer planYear, String name, String type, List<String> areaCodes,
            String constructionContent, String scale, BigDecimal scaleQuantity, String scaleUnit, BigDecimal investmentWan,
            String estimate, String expectedEffect, String department, Integer startYear, Integer endYear,
            List<UUID> problemIds, String reason, Long expectedVersion) {

        Project.Fields fields() {
            if (areaCodes != null && areaCodes.stream().anyMatch(a -> a == null || !a.matches("\\d{1,24}"))) {
                throw new TijianException(ProjectError.BAD_COMMAND, "areaCodes must be digits: " + areaCodes);
            }
            return new Project.Fields(name, parse(ProjectType.class, "type", type), areaCodes, constructionContent, scale,
                    scaleQuantity, scaleUnit, investmentWan, estimate, expectedEffect, department, startYear, endYear);
        }
    }

    /** @param action SUBMIT, APPROVE, RETURN, ISSUE, START, REPORT_PROGRESS, COMPLETE or CANCEL */
    record ActionRequest(String action, String reason, String resolutionNumber, LocalDate resolutionDate,
            String department, String note, List<UUID> completedProblemIds, BigDecimal completedQuantity,
            String acceptanceRecord, LocalDate acceptedOn, Long expectedVersion) {
    }

    record MergeRequest(List<UUID> otherIds, String reason, Long expectedVersion) {
    }

    record SplitRequest(List<UUID> problemIds, String name, String reason, Long expectedVersion) {
    }

    record BatchRequest(Integer planYear, String areaCode, String reason) {
    }
}
