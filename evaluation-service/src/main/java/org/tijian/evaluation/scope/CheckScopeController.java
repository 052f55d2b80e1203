package org.tijian.evaluation.scope;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tijian.kit.error.ProblemResponses;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Each city's yearly check scope (体检范围): which communities and blocks it checks, and whether that follows the plan. */
@RestController
@RequestMapping("/api/evaluation/check-scopes")
class CheckScopeController {

    private final CheckScopeService scopes;

    CheckScopeController(CheckScopeService scopes) {
        this.scopes = scopes;
    }

    /** Replaces the city's scope for the year; 200 with the stored scope and its report, compliant or not. */
    @PutMapping("/{cityCode}/{year}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CITY_OFFICIAL')")
    Mono<ScopeReport> replace(@PathVariable String cityCode, @PathVariable int year,
            @RequestBody(required = false) ScopeBody body, @AuthenticationPrincipal Jwt jwt,
            ServerWebExchange exchange) {
        return scopes.replace(cityCode, year, body == null ? null : body.submission(),
                TijianUser.fromClaims(jwt.getClaims()), ProblemResponses.locale(exchange));
    }

    /** The city's scope for the year, checked against the area tree as it is now. */
    @GetMapping("/{cityCode}/{year}")
    Mono<ScopeReport> one(@PathVariable String cityCode, @PathVariable int year) {
        return scopes.report(cityCode, year);
    }

    /** Every version of the city's scope for the year, newest first. */
    @GetMapping("/{cityCode}/{year}/history")
    Flux<CheckScope> history(@PathVariable String cityCode, @PathVariable int year) {
        return scopes.history(cityCode, year);
    }

    /** The province's overview: every city's scope for the year, compliant or with its violation codes. */
    @GetMapping
    Flux<ScopeReport.Summary> overview(@RequestParam int year) {
        return scopes.overview(year);
    }

    record ScopeBody(List<String> communities, List<String> blocks, String noteZh) {

        CheckScopeService.Submission submission() {
            return new CheckScopeService.Submission(communities, blocks, noteZh);
        }
    }
}
