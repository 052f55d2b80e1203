package org.tijian.ledger.problem;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The problem ledger (问题台账): queries, one problem with its history, and workflow actions. */
@RestController
@RequestMapping("/api/ledger/problems")
class ProblemController {

    private static final int DEFAULT_PAGE_SIZE = 200;
    private static final int MAX_PAGE_SIZE = 1000;

    private final ProblemService problems;

    ProblemController(ProblemService problems) {
        this.problems = problems;
    }

    /**
     * Problems by area subtree, year, dimension, class, status, unit and overdue; paged on the server. The body is the
     * page's problems (a JSON array, as before paging); {@code X-Total-Count} says how many match in all.
     */
    @GetMapping
    Mono<ResponseEntity<List<Problem>>> search(@RequestParam(required = false) String areaCode,
            @RequestParam(required = false) Integer checkYear, @RequestParam(required = false) String dimension,
            @RequestParam(name = "class", required = false) String rectificationClass,
            @RequestParam(required = false) String status, @RequestParam(required = false) String unit,
            @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort, @AuthenticationPrincipal Jwt jwt) {
        int pageSize = size != null ? size : limit != null ? limit : DEFAULT_PAGE_SIZE;
        if (areaCode != null && !areaCode.matches("\\d{1,24}")) {
            throw new TijianException(LedgerError.BAD_QUERY, "areaCode must be digits: " + areaCode);
        }
        if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new TijianException(LedgerError.BAD_QUERY, "page >= 0 and 1 <= size <= " + MAX_PAGE_SIZE);
        }
        ProblemQuery query = new ProblemQuery(areaCode, checkYear, parse(Dimension.class, "dimension", dimension),
                parse(RectificationClass.class, "class", rectificationClass), parse(ProblemStatus.class, "status", status),
                unit, overdue, page, pageSize, order(sort));
        return problems.search(query, TijianUser.fromClaims(jwt.getClaims()))
                .map(found -> ResponseEntity.ok()
                        .header("X-Total-Count", String.valueOf(found.total()))
                        .header("X-Page", String.valueOf(found.page()))
                        .header("X-Page-Size", String.valueOf(found.size()))
                        .body(found.items()));
    }

    private static ProblemOrder order(String sort) {
        try {
            return ProblemOrder.parse(sort);
        } catch (IllegalArgumentException e) {
            throw new TijianException(LedgerError.BAD_QUERY, "sort must be one of indicator, area, class, status, unit, "
                    + "deadline, identified, with ,asc or ,desc: " + sort);
        }
    }

    /** One problem with its history in order; the ETag is its version, for If-Match on the next change. */
    @GetMapping("/{id}")
    Mono<ResponseEntity<ProblemView>> one(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return problems.withHistory(id, TijianUser.fromClaims(jwt.getClaims()))
                .map(found -> ResponseEntity.ok().eTag(etag(found.problem()))
                        .body(new ProblemView(found.problem(), found.history())));
    }

    @GetMapping("/{id}/history")
    Flux<HistoryEntry> history(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return problems.history(id, TijianUser.fromClaims(jwt.getClaims()));
    }

    /**
     * A workflow action. The version the caller last saw is required, as {@code If-Match: "<version>"} (412 when
     * stale) or as {@code expectedVersion} in the body (409 when stale).
     */
    @PostMapping("/{id}/actions")
    Mono<ResponseEntity<Problem>> act(@PathVariable UUID id, @RequestBody ActionRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "traceparent", required = false) String traceparent, @AuthenticationPrincipal Jwt jwt) {
        if (body == null || body.action() == null) {
            throw new TijianException(LedgerError.BAD_COMMAND, "action is required");
        }
        Action action = parse(Action.class, "action", body.action());
        body.checkSizes();
        long expected;
        if (ifMatch != null) {
            try {
                expected = Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
            } catch (NumberFormatException e) {
                throw new TijianException(LedgerError.BAD_COMMAND, "If-Match must be a problem version: " + ifMatch);
            }
        } else if (body.expectedVersion() != null) {
            expected = body.expectedVersion();
        } else {
            throw new TijianException(LedgerError.VERSION_REQUIRED);
        }
        WorkflowCommand command = new WorkflowCommand(action, body.reason(), body.unit(), body.deadline(), body.text(),
                body.evidence() == null ? List.of() : body.evidence(), body.inspectionRecord());
        return problems.act(id, command, expected, ifMatch != null, TijianUser.fromClaims(jwt.getClaims()),
                        TraceParent.parseOrNew(traceparent))
                .map(problem -> ResponseEntity.ok().eTag(etag(problem)).body(problem));
    }

    private static String etag(Problem problem) {
        return "\"" + problem.version() + "\"";
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TijianException(LedgerError.BAD_QUERY, name + " is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ": " + value);
        }
    }

    /** A problem with its history, as one JSON object: the problem's fields and {@code history}. */
    record ProblemView(@JsonUnwrapped Problem problem, List<HistoryEntry> history) {
    }

    /**
     * @param action CONFIRM, DISMISS, ASSIGN, START, REPORT_PROGRESS, REPORT_FIXED, VERIFY or REOPEN
     */
    record ActionRequest(String action, String reason, String unit, LocalDate deadline, String text,
            List<String> evidence, String inspectionRecord, Long expectedVersion) {

        private static final int MAX_TEXT = 4000;
        private static final int MAX_EVIDENCE = 50;

        void checkSizes() {
            for (String value : new String[] {reason, text, inspectionRecord}) {
                if (value != null && value.length() > MAX_TEXT) {
                    throw new TijianException(LedgerError.BAD_COMMAND, "texts are at most " + MAX_TEXT + " characters");
                }
            }
            if (unit != null && !unit.strip().matches("[\\p{L}\\p{N}_.-]{1,64}")) {
                throw new TijianException(LedgerError.BAD_COMMAND, "unit is a code of letters, digits, _ . - (at most 64)");
            }
            if (evidence != null && (evidence.size() > MAX_EVIDENCE
                    || evidence.stream().anyMatch(e -> e == null || e.isBlank() || e.length() > 500))) {
                throw new TijianException(LedgerError.BAD_COMMAND,
                        "evidence is at most " + MAX_EVIDENCE + " non-blank references of at most 500 characters");
            }
        }
    }
}
