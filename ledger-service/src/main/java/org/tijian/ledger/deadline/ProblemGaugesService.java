package org.tijian.ledger.deadline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Gauges of the whole ledger, refreshed after each deadline check: {@code tijian.ledger.problems} by class and status,
 * and {@code tijian.ledger.problems.overdue} (open problems past their deadline).
 */
@Service
public class ProblemGaugesService {

    private final DatabaseClient db;
    private final MultiGauge byClassAndStatus;
    private final AtomicLong overdue = new AtomicLong();

    public ProblemGaugesService(DatabaseClient db, MeterRegistry meters) {
        this.db = db;
        this.byClassAndStatus = MultiGauge.builder("tijian.ledger.problems")
                .description("problems in the ledger by rectification class and status").register(meters);
        meters.gauge("tijian.ledger.problems.overdue", overdue);
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
                .then();
    }

    private record Row(String rectificationClass, String status, long count, long late) {
    }
}
