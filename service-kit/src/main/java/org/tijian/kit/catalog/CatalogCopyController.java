package org.tijian.kit.catalog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Mono;

/**
 * Reads the service's catalog copy under {@code tijian.catalog-copy.path} (e.g. {@code /api/ledger/catalog}). Any
 * signed-in user may read it; the status is what an operator compares with the evaluation service's own digests.
 */
@RestController
@RequestMapping("${tijian.catalog-copy.path:/api/catalog}")
class CatalogCopyController {

    private final CatalogCopy copy;

    CatalogCopyController(CatalogCopy copy) {
        this.copy = copy;
    }

    @GetMapping("/areas/{code}")
    Mono<AreaDefined> area(@PathVariable String code) {
        return copy.area(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(CatalogError.AREA_NOT_IN_COPY, code)));
    }

    @GetMapping("/indicators/{code}")
    Mono<IndicatorDefined> indicator(@PathVariable String code) {
        return copy.indicator(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(CatalogError.INDICATOR_NOT_IN_COPY, code)));
    }

    @GetMapping("/status")
    Mono<CatalogCopyStatus> status() {
        return copy.status();
    }
}
