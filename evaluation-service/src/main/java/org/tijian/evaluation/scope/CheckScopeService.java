package org.tijian.evaluation.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tijian.contracts.AreaLevel;
import org.tijian.evaluation.area.Area;
import org.tijian.evaluation.area.AreaStore;
import org.tijian.kit.error.RowErrorsException;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sets and reports check scopes: a submitted scope is checked entry by entry against the tree
 * (unknown, wrong level, other city, repeated: rejected, nothing stored); a readable scope is stored
 * even when it breaks the plan's rules, and every answer re-checks it against the tree as it is now.
 */
@Service
public class CheckScopeService {

    private final CheckScopeStore scopes;
    private final AreaStore areas;

    public CheckScopeService(CheckScopeStore scopes, AreaStore areas) {
        this.scopes = scopes;
        this.areas = areas;
    }

    /** What a city sends: raw lists as in the body (null for a missing list). */
    public record Submission(List<String> communities, List<String> blocks, String noteZh) {
    }

    /**
     * Replaces the city's scope for the year. @param locale the language of the row errors
     *
     * @throws TijianException 403 outside the user's areas, 404 unknown city, 422 not a city or bad year
     * @throws RowErrorsException 422 listing every bad entry
     */
    public Mono<ScopeReport> replace(String cityCode, int year, Submission submission, TijianUser user, Locale locale) {
        return Mono.defer(() -> {
            if (!CheckScopeRules.mayWrite(user.roles(), user.areas(), cityCode)) {
                throw new TijianException(ScopeError.CITY_OUTSIDE_USER_AREAS, cityCode);
            }
            if (submission == null) {
                throw new TijianException(ScopeError.EMPTY_BODY);
            }
            List<String> communities = CheckScopeRules.normalize(submission.communities());
            List<String> blocks = CheckScopeRules.normalize(submission.blocks());
            String note = submission.noteZh() == null || submission.noteZh().isBlank() ? null : submission.noteZh().strip();
            CheckScopeRules.checkRequest(year, communities, blocks, note);
            return city(cityCode).flatMap(city -> {
                List<String> listed = new ArrayList<>(communities);
                listed.addAll(blocks);
                return resolve(listed).flatMap(tree -> {
                    List<EntryProblem> problems = CheckScopeRules.entryProblems(cityCode, communities, blocks, tree);
                    if (!problems.isEmpty()) {
                        return Mono.error(new RowErrorsException(ScopeError.INVALID_ENTRIES,
                                problems.stream().map(p -> p.toRowError(locale)).toList(), problems.size()));
                    }
                    CheckScope draft = CheckScope.draft(cityCode, year, communities, blocks, note, user.subject());
                    return Mono.zip(scopes.save(draft), builtUp(cityCode))
                            .map(saved -> CheckScopeRules.report(saved.getT1(), city.nameZh(), tree, saved.getT2()));
                });
            });
        });
    }

    /** The city's current scope for the year, checked against the tree as it is now. */
    public Mono<ScopeReport> report(String cityCode, int year) {
        return scopes.find(cityCode, year)
                .switchIfEmpty(Mono.error(() -> new TijianException(ScopeError.SCOPE_NOT_FOUND, cityCode, year)))
                .flatMap(this::report);
    }

    /** Every city's scope for the year, each checked against the tree as it is now. */
    public Flux<ScopeReport.Summary> overview(int year) {
        return scopes.findByYear(year).concatMap(this::report).map(ScopeReport::summary);
    }

    public Flux<CheckScope> history(String cityCode, int year) {
        return scopes.find(cityCode, year)
                .switchIfEmpty(Mono.error(() -> new TijianException(ScopeError.SCOPE_NOT_FOUND, cityCode, year)))
                .thenMany(scopes.history(cityCode, year));
    }

    private Mono<ScopeReport> report(CheckScope scope) {
        List<String> listed = new ArrayList<>(scope.communities());
        listed.addAll(scope.blocks());
        Mono<String> cityName = areas.find(scope.cityCode()).map(Area::nameZh).defaultIfEmpty("");
        return Mono.zip(cityName, resolve(listed), builtUp(scope.cityCode()))
                .map(parts -> CheckScopeRules.report(scope, parts.getT1().isEmpty() ? null : parts.getT1(),
                        parts.getT2(), parts.getT3()));
    }

    private Mono<Area> city(String cityCode) {
        return areas.find(cityCode)
                .switchIfEmpty(Mono.error(() -> new TijianException(ScopeError.CITY_NOT_FOUND, cityCode)))
                .map(area -> {
                    if (area.level() != AreaLevel.CITY) {
                        throw new TijianException(ScopeError.NOT_A_CITY, cityCode, area.level());
                    }
                    return area;
                });
    }

    private Mono<Map<String, ScopeArea>> resolve(List<String> codes) {
        return scopes.resolve(codes).collect(Collectors.toMap(ScopeArea::code, Function.identity()));
    }

    private Mono<Long> builtUp(String cityCode) {
        return scopes.countCommunitiesUnderStreets(cityCode, CheckScopeRules.BUILT_UP_STREET_SUFFIX);
    }
}
