package org.tijian.evaluation.catalog;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.catalog.CatalogCopyStatus.TableDigest;
import org.tijian.kit.catalog.CatalogDigest;
import reactor.core.publisher.Mono;

/**
 * The source side of the catalog copies: how many areas and indicators the evaluation service holds and
 * their digests, computed as every copy computes its own ({@link CatalogDigest}), so an operator (or a test)
 * sees at a glance whether intake, ledger and project library have caught up.
 */
@RestController
class CatalogStatusController {

    private final DatabaseClient db;

    CatalogStatusController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping("/api/evaluation/catalog/status")
    Mono<Status> status() {
        return Mono.zip(digest(CatalogDigest.areaDigestSql("area")), digest(CatalogDigest.indicatorDigestSql("indicator")))
                .map(both -> new Status(both.getT1(), both.getT2()));
    }

    private Mono<TableDigest> digest(String sql) {
        return db.sql(sql).map(row -> new TableDigest(row.get("count", Long.class), row.get("digest", String.class)))
                .one();
    }

    /** The same shape as a copy's status, without {@code lastUpdatedAt}. */
    record Status(TableDigest areas, TableDigest indicators) {
    }
}
