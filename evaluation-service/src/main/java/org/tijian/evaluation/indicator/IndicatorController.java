package org.tijian.evaluation.indicator;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.IndicatorSystemKind;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The indicator system: indicators with their yearly standards, and the systems they belong to. */
@RestController
@RequestMapping("/api/evaluation")
class IndicatorController {

    private final IndicatorStore store;
    private final IndicatorCatalogService catalog;
    private final ApplicableStandardService standards;

    IndicatorController(IndicatorStore store, IndicatorCatalogService catalog, ApplicableStandardService standards) {
        this.store = store;
        this.catalog = catalog;
        this.standards = standards;
    }

    /**
     * Indicators, optionally only those of one dimension or system, or those that apply to one city
     * (national, provincial and the city's own); with {@code year}, only that year's standards are shown.
     */
    @GetMapping("/indicators")
    Flux<IndicatorDefined> indicators(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) Dimension dimension, @RequestParam(required = false) String system,
            @RequestParam(required = false) String city, @RequestParam(defaultValue = "false") boolean includeRetired) {
        return store.all()
                .filter(i -> includeRetired || !i.retired())
                .filter(i -> dimension == null || i.dimension() == dimension)
                .filter(i -> system == null || i.systemCode().equals(system) || i.specialCheckSets().contains(system))
                .filter(i -> city == null || appliesTo(i, city))
                .map(i -> year == null ? i : ofYear(i, year));
    }

    /**
     * One indicator with its standards; with {@code year} and {@code area}, also the standard that applies to
     * that area (by its city's class and size).
     */
    @GetMapping("/indicators/{code}")
    Mono<IndicatorView> indicator(@PathVariable String code, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area) {
        Mono<IndicatorDefined> indicator = store.find(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(IndicatorError.INDICATOR_NOT_FOUND, code)));
        if (year == null || area == null) {
            return indicator.map(i -> new IndicatorView(i, null));
        }
        return indicator.flatMap(i -> standards.forArea(i, year, area).map(applicable -> new IndicatorView(i, applicable)));
    }

    @GetMapping("/indicators/{code}/revisions")
    Flux<IndicatorStore.Revision> revisions(@PathVariable String code) {
        return store.revisions(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(IndicatorError.INDICATOR_NOT_FOUND, code)));
    }

    @PostMapping("/indicators")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Mono<ResponseEntity<IndicatorDefined>> define(@RequestBody IndicatorRequest request, @AuthenticationPrincipal Jwt jwt) {
        return catalog.define(request.toDraft(), jwt.getSubject())
                .map(defined -> ResponseEntity.created(URI.create("/api/evaluation/indicators/" + defined.code()))
                        .body(defined));
    }

    /** Replaces the definition; {@code revision} in the body is the revision the change is based on. */
    @PutMapping("/indicators/{code}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Mono<IndicatorDefined> redefine(@PathVariable String code, @RequestBody IndicatorRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        if (request.revision() == null) {
            throw new TijianException(IndicatorError.MISSING_FIELD, "revision");
        }
        return catalog.redefine(code, request.toDraft(), request.revision(), jwt.getSubject());
    }

    /** Replaces one check year's standards; results of that year are judged again. */
    @PutMapping("/indicators/{code}/standards/{year}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Mono<IndicatorDefined> replaceStandards(@PathVariable String code, @PathVariable int year,
            @RequestBody List<IndicatorRequest.StandardRequest> standards,
            @RequestParam(required = false) Long basedOnRevision, @AuthenticationPrincipal Jwt jwt) {
        return catalog.replaceStandards(code, year, standards.stream().map(s -> s.toStandard(year)).toList(),
                basedOnRevision, jwt.getSubject());
    }

    @DeleteMapping("/indicators/{code}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Mono<IndicatorDefined> retire(@PathVariable String code, @AuthenticationPrincipal Jwt jwt) {
        return catalog.retire(code, jwt.getSubject());
    }

    /** Every system with how many indicators it has; a city's own system says whether it has the 5 it should. */
    @GetMapping("/indicator-systems")
    Mono<List<SystemView>> systems() {
        return Mono.zip(store.systems().collectList(), store.all().filter(i -> !i.retired()).collectList())
                .map(both -> {
                    Map<String, Long> counts = both.getT2().stream()
                            .flatMap(i -> java.util.stream.Stream.concat(java.util.stream.Stream.of(i.systemCode()),
                                    i.specialCheckSets().stream()).distinct())
                            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                    return both.getT1().stream()
                            .map(s -> SystemView.of(s, counts.getOrDefault(s.code(), 0L)))
                            .sorted(Comparator.comparing(SystemView::code))
                            .toList();
                });
    }

    @GetMapping("/indicator-systems/{code}")
    Mono<SystemView> system(@PathVariable String code) {
        return store.findSystem(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(IndicatorError.SYSTEM_NOT_FOUND, code)))
                .zipWith(store.all().filter(i -> !i.retired())
                        .filter(i -> i.systemCode().equals(code) || i.specialCheckSets().contains(code)).count())
                .map(both -> SystemView.of(both.getT1(), both.getT2()));
    }

    @PostMapping("/indicator-systems")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Mono<ResponseEntity<IndicatorSystem>> defineSystem(@RequestBody IndicatorSystem system,
            @AuthenticationPrincipal Jwt jwt) {
        return catalog.defineSystem(system, jwt.getSubject())
                .map(defined -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/evaluation/indicator-systems/" + defined.code())).body(defined));
    }

    /** Which indicators a special check (专项体检) uses. */
    @PutMapping("/indicator-systems/{code}/members")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Mono<IndicatorSystem> setMembers(@PathVariable String code, @RequestBody Members members,
            @AuthenticationPrincipal Jwt jwt) {
        return catalog.setMembers(code, members.memberCodes() == null ? List.of() : members.memberCodes(),
                jwt.getSubject());
    }

    private static boolean appliesTo(IndicatorDefined indicator, String cityCode) {
        return switch (indicator.systemKind()) {
            case NATIONAL_BASIC -> true;
            case PROVINCIAL -> indicator.ownerAreaCode() != null && cityCode.startsWith(indicator.ownerAreaCode()
                    .replaceAll("0+$", ""));
            case CITY_SPECIFIC, SPECIAL_CHECK -> cityCode.equals(indicator.ownerAreaCode());
        };
    }

    private static IndicatorDefined ofYear(IndicatorDefined i, int year) {
        return i.withStandards(i.standards().stream().filter(s -> s.checkYear() == year).toList());
    }

    /** @param applicable the standard that applies to the area asked for, when one was */
    record IndicatorView(IndicatorDefined indicator, EvaluationStandard applicable) {
    }

    record Members(List<String> memberCodes) {
    }

    /**
     * @param meetsCityMinimum for a city's own system: whether it has at least the 5 indicators the plan asks
     *     for; null for other kinds
     */
    record SystemView(String code, IndicatorSystemKind kind, String nameZh, String nameEn, String ownerAreaCode,
            String topicZh, List<String> memberCodes, long indicatorCount, Boolean meetsCityMinimum) {

        static SystemView of(IndicatorSystem s, long count) {
            return new SystemView(s.code(), s.kind(), s.nameZh(), s.nameEn(), s.ownerAreaCode(), s.topicZh(),
                    s.memberCodes(), count, s.kind() == IndicatorSystemKind.CITY_SPECIFIC
                            ? count >= IndicatorSystem.MINIMUM_CITY_SPECIFIC_INDICATORS : null);
        }
    }
}
