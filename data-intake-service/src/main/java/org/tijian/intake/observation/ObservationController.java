package org.tijian.intake.observation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.tijian.kit.error.TijianException;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/intake/observations")
class ObservationController {

    private final ObservationIntakeService intake;
    private final ObservationStore observations;

    ObservationController(ObservationIntakeService intake, ObservationStore observations) {
        this.intake = intake;
        this.observations = observations;
    }

    /** 201 with the new observation; 200 with the earlier one when an idempotency key is replayed. */
    @PostMapping
    @PreAuthorize("hasAnyRole('DEPARTMENT_SUBMITTER', 'ADMINISTRATOR')")
    Mono<ResponseEntity<Observation>> submit(@Valid @RequestBody SubmitObservation body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            @AuthenticationPrincipal Jwt jwt) {
        return intake.accept(body.toSubmission(), TijianUser.fromClaims(jwt.getClaims()), idempotencyKey,
                        TraceParent.parseOrNew(traceparent))
                .map(accepted -> ResponseEntity
                        .status(accepted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(URI.create("/api/intake/observations/" + accepted.observation().id()))
                        .body(accepted.observation()));
    }

    @GetMapping("/{id}")
    Mono<Observation> one(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return observations.findById(id)
                .switchIfEmpty(Mono.error(() -> new TijianException(ObservationError.OBSERVATION_NOT_FOUND, id)))
                .doOnNext(observation -> TijianUser.requireWorksOn(jwt.getClaims(), observation.areaCode()));
    }

    /** What counts now for an area and year; with {@code history=true} also superseded and withdrawn versions. */
    @GetMapping
    Flux<Observation> byArea(@RequestParam String areaCode, @RequestParam int checkYear,
            @RequestParam(defaultValue = "false") boolean history, @RequestParam(defaultValue = "100") int limit,
            @AuthenticationPrincipal Jwt jwt) {
        TijianUser.requireWorksOn(jwt.getClaims(), areaCode);
        return observations.findByArea(areaCode, checkYear, history, Math.min(Math.max(limit, 1), 1000));
    }

    /** Every version of one value, newest first: the lineage of corrections and withdrawals. */
    @GetMapping("/history")
    Flux<Observation> history(@RequestParam int checkYear, @RequestParam(defaultValue = "VALUE") String kind,
            @RequestParam String areaCode, @RequestParam String subject, @RequestParam(defaultValue = "") String qualifier,
            @AuthenticationPrincipal Jwt jwt) {
        TijianUser.requireWorksOn(jwt.getClaims(), areaCode);
        return observations.history(checkYear, kind.toUpperCase(java.util.Locale.ROOT), areaCode, subject, qualifier);
    }

    record SubmitObservation(
            @NotNull @Min(2000) @Max(2100) Integer checkYear,
            @NotBlank @Size(max = 24) String areaCode,
            @NotBlank @Size(max = 64) String dataElement,
            @NotNull BigDecimal value,
            @Size(max = 32) String unit,
            @Size(max = 2000) String note) {

        ObservationIntakeService.Submission toSubmission() {
            return new ObservationIntakeService.Submission(checkYear, areaCode, dataElement, value, unit, note);
        }
    }
}
