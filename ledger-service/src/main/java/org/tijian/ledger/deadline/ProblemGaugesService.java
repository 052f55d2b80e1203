package org.tijian.ledger.deadline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Gauges of the whole ledger, refreshed after each deadline check: {@code tijian.ledger.problems} by class and status,
 * {@code tijian.ledger.problems.overdue} (open problems past their deadline), and for the rectification dashboard
 * {@code tijian.ledger.problems.by.unit} by class, responsible unit ({@code none} before assignment) and state
 * ({@code open}, {@code overdue}, {@code verified}).
 */
@Service
public class ProblemGaugesService {

    private final DatabaseClient db;
    private final MultiGauge byClassAndStatus;
    private final AtomicLong overdue = new AtomicLong();
    private final MultiGauge byUnit;

    public ProblemGaugesService(DatabaseClient db, MeterRegistry meters) {
        this.db = db;
        this.byClassAndStatus = MultiGauge.builder("tijian.ledger.problems")
                .description("problems in the ledger by rectification class and status").register(meters);
        meters.gauge("tijian.ledger.problems.overdue", overdue);
        this.byUnit = MultiGauge.builder("tijian.ledger.problems.by.unit")
                .description("open, overdue and verified problems by rectification class and responsible unit")
                .register(meters);
    }

    public Mono<Void> refresh() {
        return db.sql("""
                        select rectification_class, status, count(*) as n,
                          count(*) filter (where overdue and status not in ('REPORTED_FIXED', 'VERIFIED', 'DISMISSED')) as late
                        from problem group by rectification_class, status""")
                .map(row -> new Row(row.get("rectification_class", String.class), row.get("status", String.class),
                        row.get("n", Long.class), row.get("late", Long.class)))
                .all().collectList()
                .doOnNext(rows -> {
                    byClassAndStatus.register(rows.stream()
                            .map(r -> MultiGauge.Row.of(Tags.of("class", r.rectificationClass(), "status", r.status()),
                                    r.count()))
                            .toList(), true);
                    overdue.set(rows.stream().mapToLong(Row::late).sum());
                })
                .then(refreshByUnit());
    }

    private Mono<Void> refreshByUnit() {
        return db.sql("""
                        select rectification_class, coalesce(responsible_unit, 'none') as unit,
                          count(*) filter (where status not in ('VERIFIED', 'DISMISSED')) as open,
                          count(*) filter (where overdue and status not in ('REPORTED_FIXED', 'VERIFIED', 'DISMISSED')) as late,
                          count(*) filter (where status = 'VERIFIED') as verified
                        from problem group by rectification_class, coalesce(responsible_unit, 'none')""")
                .map(row -> {
                    Tags tags = Tags.of("class", row.get("rectification_class", String.class), "unit",
                            row.get("unit", String.class));
                    return List.of(
                            MultiGauge.Row.of(tags.and("state", "open"), row.get("open", Long.class)),
                            MultiGauge.Row.of(tags.and("state", "overdue"), row.get("late", Long.class)),
                            MultiGauge.Row.of(tags.and("state", "verified"), row.get("verified", Long.class)));
                })
                .all().collectList()
                .doOnNext(rows -> byUnit.register(rows.stream().flatMap(List::stream).toList(), true))
                .then();
    }

    private record Row(String rectificationClass, String status, long count, long late) {
    }
}
