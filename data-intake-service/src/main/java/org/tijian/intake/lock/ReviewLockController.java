package org.tijian.intake.lock;

import io.r2dbc.spi.Readable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Officials lock reviewed data of their areas; batches that would change it are rejected (INTAKE_E1112). */
@RestController
@RequestMapping("/api/intake/review-locks")
class ReviewLockController {

    private static final String COLUMNS =
            "id, check_year, area_code, subject, reason, locked_by, locked_at, released_by, released_at";

    private final DatabaseClient db;

    ReviewLockController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping
    Flux<ReviewLock> active(@RequestParam int checkYear) {
        return db.sql("select " + COLUMNS + " from review_lock where check_year = :year and released_at is null order by locked_at")
                .bind("year", checkYear).map(ReviewLockController::read).all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CITY_OFFICIAL', 'DISTRICT_OFFICIAL', 'PROVINCIAL_REVIEWER')")
    Mono<ReviewLock> lock(@Valid @RequestBody LockRequest body, @AuthenticationPrincipal Jwt jwt) {
        TijianUser user = TijianUser.fromClaims(jwt.getClaims());
        if (!user.has(Role.ADMINISTRATOR) && !user.worksOn(body.areaCode())) {
            throw new TijianException(LockError.AREA_NOT_YOURS, body.areaCode());
        }
        ReviewLock lock = new ReviewLock(UUID.randomUUID(), body.checkYear(), body.areaCode(), body.subject(), body.reason(),
                user.subject(), Instant.now(), null, null);
        return db.sql("insert into review_lock (id, check_year, area_code, subject, reason, locked_by, locked_at) "
                        + "values (:id, :year, :area, :subject, :reason, :by, :at)")
                .bind("id", lock.id()).bind("year", lock.checkYear()).bind("area", lock.areaCode())
                .bind("subject", Parameter.fromOrEmpty(lock.subject(), String.class)).bind("reason", lock.reason())
                .bind("by", lock.lockedBy()).bind("at", lock.lockedAt())
                .then().thenReturn(lock);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CITY_OFFICIAL', 'DISTRICT_OFFICIAL', 'PROVINCIAL_REVIEWER')")
    Mono<ReviewLock> release(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return db.sql("update review_lock set released_by = :by, released_at = now() where id = :id and released_at is null "
                        + "returning " + COLUMNS)
                .bind("id", id).bind("by", jwt.getSubject())
                .map(ReviewLockController::read).one()
                .switchIfEmpty(Mono.error(() -> new TijianException(LockError.LOCK_NOT_FOUND, id)));
    }

    private static ReviewLock read(Readable row) {
        OffsetDateTime released = row.get("released_at", OffsetDateTime.class);
        return new ReviewLock(row.get("id", UUID.class), row.get("check_year", Integer.class),
                row.get("area_code", String.class), row.get("subject", String.class), row.get("reason", String.class),
                row.get("locked_by", String.class), row.get("locked_at", OffsetDateTime.class).toInstant(),
                row.get("released_by", String.class), released == null ? null : released.toInstant());
    }

    record LockRequest(@NotNull @Min(2000) @Max(2100) Integer checkYear,
            @NotBlank @Pattern(regexp = "\\d{2,24}") String areaCode,
            @Size(max = 64) String subject,
            @NotBlank @Size(max = 500) String reason) {
    }
}
