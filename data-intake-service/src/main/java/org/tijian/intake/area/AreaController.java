package org.tijian.intake.area;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.kit.catalog.CatalogCopy;
import org.tijian.kit.catalog.CatalogError;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Mono;

/**
 * Intake's copy of an area, as it validates submissions against it: the service-kit catalog copy, also readable at
 * {@code /api/intake/catalog/areas/{code}}; this path is kept for the callers that used it first.
 */
@RestController
@RequestMapping("/api/intake/areas")
class AreaController {

    private final CatalogCopy copy;

    AreaController(CatalogCopy copy) {
        this.copy = copy;
    }

    @GetMapping("/{code}")
    Mono<AreaDefined> area(@PathVariable String code) {
        return copy.area(code).switchIfEmpty(Mono.error(() -> new TijianException(CatalogError.AREA_NOT_IN_COPY, code)));
    }
}
