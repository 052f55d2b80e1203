package org.tijian.intake.window;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Submission windows per check year and the late-submission overrides administrators grant. */
@Service
public class SubmissionWindowService {

    private final DatabaseClient db;

    SubmissionWindowService(DatabaseClient db) {
        this.db = db;
    }

    /** A year without a window is always open. */
    public Mono<WindowDecision> decide(int checkYear, String department, Instant now) {
        return find(checkYear).flatMap(window -> {
            if (now.isBefore(window.opensAt())) {
                return Mono.just(new WindowDecision(false, false, null, window.opensAt()));
            }
            if (!now.isAfter(window.closesAt())) {
                return Mono.just(WindowDecision.always());
            }
            return db.sql("""
                            select granted_by from late_submission_override
                            where department = :department and check_year = :year and valid_until > :now
                            order by granted_at desc limit 1""")
                    .bind("department", department).bind("year", checkYear).bind("now", now)
                    .map(row -> row.get("granted_by", String.class)).one()
                    .map(grantedBy -> new WindowDecision(true, true, grantedBy, window.closesAt()))
                    .defaultIfEmpty(new WindowDecision(false, true, null, window.closesAt()));
        }).defaultIfEmpty(WindowDecision.always());
    }

    public Mono<SubmissionWindow> find(int checkYear) {
        return db.sql("select check_year, opens_at, closes_at, updated_by from submission_window where check_year = :year")
                .bind("year", checkYear)
                .map(row -> new SubmissionWindow(row.get("check_year", Integer.class),
                        row.get("opens_at", OffsetDateTime.class).toInstant(),
                        row.get("closes_at", OffsetDateTime.class).toInstant(), row.get("updated_by", String.class)))
                .one();
    }

    public Mono<SubmissionWindow> save(SubmissionWindow window) {
        return db.sql("""
                        insert into submission_window (check_year, opens_at, closes_at, updated_by) values (:year, :opens, :closes, :by)
                        on conflict (check_year) do update set opens_at = excluded.opens_at, closes_at = excluded.closes_at,
                          updated_by = excluded.updated_by, updated_at = now()""")
                .bind("year", window.checkYear()).bind("opens", window.opensAt()).bind("closes", window.closesAt())
                .bind("by", window.updatedBy())
                .then().thenReturn(window);
    }

    public Mono<LateOverride> grant(int checkYear, String department, String reason, String grantedBy, Instant validUntil) {
        LateOverride granted = new LateOverride(UUID.randomUUID(), checkYear, department, reason, grantedBy, Instant.now(),
                validUntil);
        return db.sql("""
                        insert into late_submission_override (id, check_year, department, reason, granted_by, granted_at, valid_until)
                        values (:id, :year, :department, :reason, :by, :at, :until)""")
                .bind("id", granted.id()).bind("year", checkYear).bind("department", department).bind("reason", reason)
                .bind("by", grantedBy).bind("at", granted.grantedAt()).bind("until", validUntil)
                .then().thenReturn(granted);
    }

    public Flux<LateOverride> overrides(int checkYear) {
        return db.sql("""
                        select id, check_year, department, reason, granted_by, granted_at, valid_until
                        from late_submission_override where check_year = :year order by granted_at desc""")
                .bind("year", checkYear)
                .map(row -> new LateOverride(row.get("id", UUID.class), row.get("check_year", Integer.class),
                        row.get("department", String.class), row.get("reason", String.class),
                        row.get("granted_by", String.class), row.get("granted_at", OffsetDateTime.class).toInstant(),
                        row.get("valid_until", OffsetDateTime.class).toInstant()))
                .all();
    }
}
