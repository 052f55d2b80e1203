package org.tijian.evaluation.result;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.tijian.kit.security.TijianUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.evaluation.EvaluationError;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/evaluation/results")
class ResultController {

    private final ResultStore results;

    ResultController(ResultStore results) {
        this.results = results;
    }

    @GetMapping
    Flux<IndicatorResult> byArea(@RequestParam int checkYear, @RequestParam String areaCode,
            @AuthenticationPrincipal Jwt jwt) {
        TijianUser.requireWorksOn(jwt.getClaims(), areaCode);
        return results.findByArea(checkYear, areaCode);
    }

    @GetMapping("/{id}")
    Mono<IndicatorResult> one(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return results.findById(id)
                .switchIfEmpty(Mono.error(() -> new TijianException(EvaluationError.RESULT_NOT_FOUND, id)))
                .doOnNext(result -> TijianUser.requireWorksOn(jwt.getClaims(), result.areaCode()));
    }
}
