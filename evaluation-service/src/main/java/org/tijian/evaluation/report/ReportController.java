package org.tijian.evaluation.report;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Mono;

/**
 * Evaluation results as officials and reviewers read them. Like the other reads of this service, open to every
 * signed-in user: results are not restricted by the token's areas.
 */
@RestController
@RequestMapping("/api/evaluation")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    /** A city's scorecard: every indicator of its check, by dimension and category, with counts of verdicts. */
    @GetMapping("/scorecards/{cityCode}/{checkYear}")
    Mono<Scorecard> scorecard(@PathVariable String cityCode, @PathVariable int checkYear,
            @AuthenticationPrincipal Jwt jwt) {
        TijianUser.requireWorksOn(jwt.getClaims(), cityCode);
        return reports.scorecard(cityCode, checkYear);
    }

    /** One area's results (any level), each with last year's value and the trend. */
    @GetMapping("/areas/{areaCode}/results")
    Mono<AreaResults> areaResults(@PathVariable String areaCode, @RequestParam int checkYear,
            @AuthenticationPrincipal Jwt jwt) {
        TijianUser.requireWorksOn(jwt.getClaims(), areaCode);
        return reports.areaResults(areaCode, checkYear);
    }

    /** The area's children, each with the counts of its own results' verdicts (the console colours them by failures). */
    @GetMapping("/areas/{areaCode}/children/verdicts")
    Mono<List<ChildVerdicts>> childVerdicts(@PathVariable String areaCode, @RequestParam int checkYear,
            @AuthenticationPrincipal Jwt jwt) {
        TijianUser.requireWorksOn(jwt.getClaims(), areaCode);
        return reports.childVerdicts(areaCode, checkYear);
    }

    /** A result with its observations, standard, formula, contributing children (paged) and versions. */
    @GetMapping("/results/{id}/lineage")
    Mono<Lineage> lineage(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ReportRequests.DEFAULT_PAGE_SIZE) int size,
            @AuthenticationPrincipal Jwt jwt) {
        return reports.lineage(id, page, size)
                .doOnNext(lineage -> TijianUser.requireWorksOn(jwt.getClaims(), lineage.result().areaCode()));
    }

    /** 指标 · 上年值 · 本年值 · 评价标准 · 上升/持平/下降 */
    @GetMapping("/year-over-year/{areaCode}/{checkYear}")
    Mono<YearOverYear> yearOverYear(@PathVariable String areaCode, @PathVariable int checkYear,
            @AuthenticationPrincipal Jwt jwt) {
        TijianUser.requireWorksOn(jwt.getClaims(), areaCode);
        return reports.yearOverYear(areaCode, checkYear);
    }

    /** The province's cities ranked by each indicator (or only {@code indicator}). */
    @GetMapping("/comparison/{provinceCode}/{checkYear}")
    Mono<CityComparison> comparison(@PathVariable String provinceCode, @PathVariable int checkYear,
            @RequestParam(required = false) String indicator, @AuthenticationPrincipal Jwt jwt) {
        // the ranking shows every city's values: for those who work on the whole province
        TijianUser.requireWorksOn(jwt.getClaims(), provinceCode);
        return reports.comparison(provinceCode, checkYear, indicator);
    }

    /** Which indicators of the city's check lack data, and where. */
    @GetMapping("/completeness/{cityCode}/{checkYear}")
    Mono<Completeness> completeness(@PathVariable String cityCode, @PathVariable int checkYear,
            @AuthenticationPrincipal Jwt jwt) {
        TijianUser.requireWorksOn(jwt.getClaims(), cityCode);
        return reports.completeness(cityCode, checkYear);
    }
}
