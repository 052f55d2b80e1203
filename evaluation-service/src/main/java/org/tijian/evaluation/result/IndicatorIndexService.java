package org.tijian.evaluation.result;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.tijian.evaluation.indicator.IndicatorStore;
import reactor.core.publisher.Mono;

/**
 * The indicator catalog held in memory for evaluation, read again whenever any definition changed (on any replica):
 * a cheap query of the revisions' sum and count tells.
 */
@Service
public class IndicatorIndexService {

    private final DatabaseClient db;
    private final IndicatorStore indicators;
    private final AtomicReference<IndicatorIndex> cached = new AtomicReference<>();

    public IndicatorIndexService(DatabaseClient db, IndicatorStore indicators) {
        this.db = db;
        this.indicators = indicators;
    }

    public Mono<IndicatorIndex> current() {
        return db.sql("select coalesce(sum(revision), 0) || ':' || count(*) as version from indicator")
                .map(row -> row.get("version", String.class)).one()
                .flatMap(version -> {
                    IndicatorIndex held = cached.get();
                    if (held != null && held.catalogVersion().equals(version)) {
                        return Mono.just(held);
                    }
                    return indicators.all().collectList()
                            .map(all -> {
                                IndicatorIndex index = IndicatorIndex.of(version, all);
                                cached.set(index);
                                return index;
                            });
                });
    }
}
