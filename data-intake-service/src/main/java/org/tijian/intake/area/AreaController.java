package org.tijian.intake.area;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.kit.error.CommonError;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Mono;

/** Intake's copy of an area, as it validates submissions against it. */
@RestController
@RequestMapping("/api/intake/areas")
class AreaController {

    private final AreaCopy copy;

    AreaController(AreaCopy copy) {
        this.copy = copy;
    }

    @GetMapping("/{code}")
    Mono<AreaDefined> area(@PathVariable String code) {
        return copy.find(code).switchIfEmpty(Mono.error(() -> new TijianException(CommonError.NOT_FOUND, "area " + code)));
    }
}
