package org.tijian.projects.library;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tijian.projects.project.ProjectStatus;
import org.tijian.projects.project.ProjectType;

/**
 * Gauges of the library, refreshed every {@code tijian.projects.gauges.interval} (default PT30S):
 * {@code tijian.projects.projects{status,type}} and {@code tijian.projects.investment.total} (万元, projects not
 * cancelled).
 */
@Service
public class ProjectGaugesService {

    private final DatabaseClient db;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicReference<Double> investment = new AtomicReference<>(0.0);

    public ProjectGaugesService(DatabaseClient db, MeterRegistry meters) {
        this.db = db;
        for (ProjectStatus status : ProjectStatus.values()) {
            for (ProjectType type : ProjectType.values()) {
                AtomicLong value = new AtomicLong();
                counts.put(status.name() + "/" + type.name(), value);
                Gauge.builder("tijian.projects.projects", value, AtomicLong::get)
                        .description("projects of the library by status and type")
                        .tag("status", status.name()).tag("type", type.name()).register(meters);
            }
        }
        Gauge.builder("tijian.projects.investment.total", investment, AtomicReference::get)
                .description("investment estimate of the library's projects not cancelled, in 10,000 yuan (万元)")
                .baseUnit("wan_yuan").register(meters);
    }

    @Scheduled(fixedDelayString = "${tijian.projects.gauges.interval:PT30S}",
            initialDelayString = "${tijian.projects.gauges.initial-delay:PT5S}")
    public void refresh() {
        Map<String, Long> fresh = db.sql("select status, project_type, count(*) as n from project group by 1, 2")
                .map(row -> Map.entry(row.get("status", String.class) + "/" + row.get("project_type", String.class),
                        row.get("n", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
        counts.forEach((key, value) -> value.set(fresh == null ? 0 : fresh.getOrDefault(key, 0L)));
        BigDecimal total = db.sql("select coalesce(sum(investment_wan), 0) as total from project where status <> 'CANCELLED'")
                .map(row -> row.get("total", BigDecimal.class)).one().block();
        investment.set(total == null ? 0.0 : total.doubleValue());
    }
}
