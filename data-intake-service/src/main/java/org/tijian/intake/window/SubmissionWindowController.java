package org.tijian.intake.window;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/intake/submission-windows/{checkYear}")
class SubmissionWindowController {

    private final SubmissionWindowService windows;

    SubmissionWindowController(SubmissionWindowService windows) {
        this.windows = windows;
    }

    @GetMapping
    Mono<SubmissionWindow> window(@PathVariable int checkYear) {
        return windows.find(checkYear);
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Mono<SubmissionWindow> open(@PathVariable int checkYear, @Valid @RequestBody WindowRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        if (!body.closesAt().isAfter(body.opensAt())) {
            throw new TijianException(WindowError.WINDOW_INVERTED);
        }
        return windows.save(new SubmissionWindow(checkYear, body.opensAt(), body.closesAt(), jwt.getSubject()));
    }

    @GetMapping("/late-overrides")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CITY_OFFICIAL', 'PROVINCIAL_REVIEWER')")
    Flux<LateOverride> overrides(@PathVariable int checkYear) {
        return windows.overrides(checkYear);
    }

    /** Lets one department submit this year late, for seven days unless {@code validUntil} says otherwise. */
    @PostMapping("/late-overrides")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LateOverride> grant(@PathVariable int checkYear, @Valid @RequestBody OverrideRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        Instant until = body.validUntil() != null ? body.validUntil() : Instant.now().plus(Duration.ofDays(7));
        return windows.grant(checkYear, body.department(), body.reason(), jwt.getSubject(), until);
    }

    record WindowRequest(@NotNull Instant opensAt, @NotNull Instant closesAt) {
    }

    record OverrideRequest(@NotBlank @Size(max = 64) String department, @NotBlank @Size(max = 500) String reason,
            Instant validUntil) {
    }
}
