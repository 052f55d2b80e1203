package org.tijian.intake.submission;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Submissions (批次). The body is the file itself (CSV, JSON array or XLSX, by Content-Type or the
 * {@code fileName}'s extension); the options are query parameters. Small files are answered when
 * they have been imported; large ones at once with 202 and the running batch, whose progress can be
 * polled or followed as server-sent events.
 */
@RestController
@RequestMapping("/api/intake/submissions")
class SubmissionController {

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Duration PROGRESS_POLL = Duration.ofMillis(500);

    private final SubmissionService submissions;
    private final R2dbcBatchStore batches;

    SubmissionController(SubmissionService submissions, R2dbcBatchStore batches) {
        this.submissions = submissions;
        this.batches = batches;
    }

    /**
     * 201 with the finished batch, 202 with a running one (Location: the batch), 200 with the earlier
     * batch when the {@code Idempotency-Key} was used before for the same upload.
     */
    @PostMapping
    @PreAuthorize("hasAnyRole('DEPARTMENT_SUBMITTER', 'ADMINISTRATOR')")
    Mono<ResponseEntity<Batch>> submit(ServerHttpRequest request,
            @RequestParam(defaultValue = "VALUE") String kind,
            @RequestParam int checkYear,
            @RequestParam(defaultValue = "CREATE_AND_UPDATE") String strategy,
            @RequestParam(defaultValue = "true") boolean atomic,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) List<String> coverage,
            @RequestParam(required = false) List<String> indicators,
            @RequestParam(required = false) String sourceMethod,
            @RequestParam(required = false) String fileName,
            @RequestParam(required = false) Boolean wait,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            @AuthenticationPrincipal Jwt jwt) {
        SubmissionOptions options = new SubmissionOptions(option(ObservationKind.class, "kind", kind), checkYear,
                option(ImportStrategy.class, "strategy", strategy), atomic, dryRun, codes(coverage), codes(indicators),
                sourceMethod == null || sourceMethod.isBlank() ? null : sourceMethod.toUpperCase(Locale.ROOT));
        SubmissionService.Format format = SubmissionService.format(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                fileName);
        TijianUser user = TijianUser.fromClaims(jwt.getClaims());
        AtomicReference<Path> saved = new AtomicReference<>();
        return Mono.fromCallable(() -> UploadFolder.newFile("submission-", "." + format.name().toLowerCase(Locale.ROOT)))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(saved::set)
                .flatMap(file -> DataBufferUtils.write(request.getBody(), file).thenReturn(file))
                .map(file -> SubmissionService.Upload.saved(file, fileName, format))
                .flatMap(upload -> submissions.submit(upload, options, user, blankToNull(idempotencyKey),
                                TraceParent.parseOrNew(traceparent))
                        .flatMap(submitted -> respond(submitted, wait != null ? wait : upload.small())))
                .doOnError(e -> {
                    if (saved.get() != null) {
                        SubmissionService.deleteQuietly(saved.get());
                    }
                });
    }

    private Mono<ResponseEntity<Batch>> respond(SubmissionService.Submitted submitted, boolean waitForIt) {
        URI location = URI.create("/api/intake/submissions/" + submitted.batch().id());
        if (submitted.replayed()) {
            return Mono.just(ResponseEntity.ok().location(location).body(submitted.batch()));
        }
        if (!waitForIt) {
            return Mono.just(ResponseEntity.accepted().location(location).body(submitted.batch()));
        }
        // suppressCancel: a client that stops waiting (or the timeout below) must not cancel the import itself
        return Mono.fromFuture(submitted.completion(), true)
                .map(done -> ResponseEntity.status(HttpStatus.CREATED).location(location).body(done))
                .timeout(LONGEST_WAIT, Mono.fromSupplier(
                        () -> ResponseEntity.accepted().location(location).body(submitted.batch())));
    }

    @GetMapping("/{id}")
    Mono<Batch> batch(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        TijianUser user = TijianUser.fromClaims(jwt.getClaims());
        return batches.find(id)
                .filter(batch -> visibleTo(batch, user))
                .switchIfEmpty(Mono.error(() -> new TijianException(SubmissionError.BATCH_NOT_FOUND, id)));
    }

    /** A department sees its own batches; officials, reviewers and administrators see every department's. */
    @GetMapping
    Flux<Batch> list(@RequestParam(required = false) Integer checkYear, @RequestParam(required = false) String department,
            @RequestParam(required = false) BatchStatus status, @RequestParam(defaultValue = "50") int limit,
            @AuthenticationPrincipal Jwt jwt) {
        TijianUser user = TijianUser.fromClaims(jwt.getClaims());
        String only = seesAllDepartments(user) ? department : user.department();
        if (only == null && !seesAllDepartments(user)) {
            return Flux.empty();
        }
        return batches.list(only, checkYear, status, Math.min(Math.max(limit, 1), 500));
    }

    /**
     * The batch's progress as server-sent events: an {@code progress} event whenever rows read, phase or
     * status change, and a last {@code finished} event with the import summary.
     */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Batch>> events(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return batch(id, jwt).flatMapMany(first -> Flux.interval(Duration.ZERO, PROGRESS_POLL)
                .concatMap(tick -> batches.find(id), 1)
                .distinctUntilChanged(b -> List.of(b.status(), b.phase(), b.rowsRead(), b.rejected()))
                .takeUntil(b -> b.status().finished())
                .map(b -> ServerSentEvent.builder(b).id(b.id() + "-" + b.rowsRead() + "-" + b.phase())
                        .event(b.status().finished() ? "finished" : "progress").build())
                .take(Duration.ofHours(2)));
    }

    private static boolean seesAllDepartments(TijianUser user) {
        return user.has(Role.ADMINISTRATOR) || user.has(Role.CITY_OFFICIAL) || user.has(Role.DISTRICT_OFFICIAL)
                || user.has(Role.PROVINCIAL_REVIEWER) || user.has(Role.OPERATOR);
    }

    private static boolean visibleTo(Batch batch, TijianUser user) {
        return seesAllDepartments(user) || batch.department().equals(user.department());
    }

    private static <E extends Enum<E>> E option(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new TijianException(SubmissionError.INVALID_OPTION, name,
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    /** Accepts both repeated parameters and comma-separated lists. */
    private static List<String> codes(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split("[,\\s]+"))).filter(v -> !v.isBlank()).distinct()
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
