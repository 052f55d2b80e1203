package org.tijian.evaluation.indicator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.IndicatorSystemKind;
import org.tijian.evaluation.area.AreaStore;
import org.tijian.kit.error.RowErrorsException;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.outbox.EventOutbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Changes to the indicator catalog. Every change stores a new revision and publishes the whole
 * definition ({@link IndicatorDefined}) through the outbox in one transaction; a change of a year's
 * standards asks for that year's results to be judged again.
 */
@Service
public class IndicatorCatalogService {

    private final IndicatorStore store;
    private final AreaStore areas;
    private final EventOutbox outbox;
    private final TransactionalOperator transaction;

    public IndicatorCatalogService(IndicatorStore store, AreaStore areas, EventOutbox outbox,
            TransactionalOperator transaction) {
        this.store = store;
        this.areas = areas;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /** Adds an indicator to a provincial, city-specific or special-check system. */
    public Mono<IndicatorDefined> define(IndicatorDefined draft, String by) {
        if (draft.systemCode() == null) {
            List<IndicatorRules.Violation> violations = new ArrayList<>(List.of(IndicatorRules.Violation.of("systemCode",
                    IndicatorError.MISSING_FIELD, "systemCode")));
            violations.addAll(IndicatorRules.check(draft));
            return Mono.error(invalid(draft.code(), violations));
        }
        return system(draft.systemCode()).flatMap(system -> {
            if (system.kind() == IndicatorSystemKind.NATIONAL_BASIC) {
                return Mono.error(new TijianException(IndicatorError.BUILT_IN_READ_ONLY, draft.code()));
            }
            List<String> sets = system.kind() == IndicatorSystemKind.SPECIAL_CHECK ? List.of(system.code()) : List.of();
            IndicatorDefined candidate = revise(draft, system.code(), system.kind(), system.ownerAreaCode(), sets, false, 1);
            return validated(candidate)
                    .flatMap(valid -> transaction.transactional(store.insert(valid, by, "created")
                            .flatMap(inserted -> inserted ? publish(valid).thenReturn(valid)
                                    : Mono.error(new TijianException(IndicatorError.DUPLICATE_CODE, valid.code())))));
        });
    }

    /**
     * Replaces an indicator's definition, based on the revision the caller read. The national basic
     * indicators keep their definition; only their standards, grade bands, responsible department and
     * rectification defaults can change.
     */
    public Mono<IndicatorDefined> redefine(String code, IndicatorDefined draft, long basedOnRevision, String by) {
        return current(code, basedOnRevision).flatMap(current -> {
            IndicatorDefined candidate = current.systemKind() == IndicatorSystemKind.NATIONAL_BASIC
                    ? new IndicatorDefined(current.code(), current.systemCode(), current.systemKind(),
                            current.ownerAreaCode(), current.nameZh(), current.nameEn(), current.dimension(),
                            current.categoryZh(), current.unit(), current.direction(), current.core(),
                            current.acquisitionMethods(), current.checkCycle(), current.evaluationLevel(),
                            draft.responsibleDepartment(), draft.responsibleDepartmentZh(),
                            draft.defaultRectificationClass(), draft.rectificationSuggestionZh(), current.computation(),
                            current.dataElements(), draft.standards(), draft.gradeBands(), current.specialCheckSets(),
                            false, current.revision() + 1)
                    : revise(draft, current.systemCode(), current.systemKind(), current.ownerAreaCode(),
                            current.specialCheckSets(), current.retired(), current.revision() + 1);
            return save(current, candidate.withCode(code), by, "redefined");
        });
    }

    /** Replaces the standards of one check year, e.g. to set next year's thresholds. */
    public Mono<IndicatorDefined> replaceStandards(String code, int checkYear, List<IndicatorDefined.Standard> standards,
            Long basedOnRevision, String by) {
        return store.find(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(IndicatorError.INDICATOR_NOT_FOUND, code)))
                .flatMap(found -> current(code, basedOnRevision == null ? found.revision() : basedOnRevision))
                .flatMap(current -> {
                    List<IndicatorDefined.Standard> all = new ArrayList<>();
                    current.standards().stream().filter(s -> s.checkYear() != checkYear).forEach(all::add);
                    standards.stream()
                            .map(s -> new IndicatorDefined.Standard(checkYear, s.cityClass(), s.sizeClass(), s.operator(),
                                    s.threshold(), s.upperThreshold(), s.noteZh()))
                            .forEach(all::add);
                    all.sort(java.util.Comparator.comparingInt(IndicatorDefined.Standard::checkYear));
                    IndicatorDefined next = revise(current, current.systemCode(), current.systemKind(),
                            current.ownerAreaCode(), current.specialCheckSets(), current.retired(), current.revision() + 1);
                    return save(current, next.withStandards(all), by, "standards " + checkYear);
                });
    }

    /** Withdraws an indicator that a province or city added; it is published once more as retired. */
    public Mono<IndicatorDefined> retire(String code, String by) {
        return store.find(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(IndicatorError.INDICATOR_NOT_FOUND, code)))
                .flatMap(current -> {
                    if (current.systemKind() == IndicatorSystemKind.NATIONAL_BASIC) {
                        return Mono.error(new TijianException(IndicatorError.BUILT_IN_READ_ONLY, code));
                    }
                    if (current.retired()) {
                        return Mono.just(current);
                    }
                    IndicatorDefined retired = revise(current, current.systemCode(), current.systemKind(),
                            current.ownerAreaCode(), current.specialCheckSets(), true, current.revision() + 1);
                    return transaction.transactional(store.update(retired, by, "retired")
                            .flatMap(updated -> updated ? publish(retired).thenReturn(retired)
                                    : Mono.error(conflict(current, current.revision()))));
                });
    }

    /** Creates a provincial, city-specific (特色指标) or special-check (专项体检) system. */
    public Mono<IndicatorSystem> defineSystem(IndicatorSystem system, String by) {
        String code = system.code();
        if (code == null || !IndicatorRules.CODE.matcher(code).matches()) {
            return Mono.error(new TijianException(IndicatorError.MALFORMED_CODE, code));
        }
        if (system.kind() == null || system.kind() == IndicatorSystemKind.NATIONAL_BASIC) {
            return Mono.error(new TijianException(IndicatorError.INVALID_SYSTEM, code,
                    "kind 应为 PROVINCIAL、CITY_SPECIFIC 或 SPECIAL_CHECK"));
        }
        if (system.nameZh() == null || system.nameZh().isBlank()) {
            return Mono.error(new TijianException(IndicatorError.MISSING_FIELD, "nameZh"));
        }
        if (system.kind() == IndicatorSystemKind.SPECIAL_CHECK && (system.topicZh() == null || system.topicZh().isBlank())) {
            return Mono.error(new TijianException(IndicatorError.INVALID_SYSTEM, code, "专项体检需要专题（topicZh）"));
        }
        AreaLevel ownerLevel = system.kind() == IndicatorSystemKind.PROVINCIAL ? AreaLevel.PROVINCE : AreaLevel.CITY;
        List<String> members = system.memberCodes() == null ? List.of() : List.copyOf(new LinkedHashSet<>(system.memberCodes()));
        IndicatorSystem candidate = new IndicatorSystem(code, system.kind(), system.nameZh(), system.nameEn(),
                system.ownerAreaCode(), system.topicZh(), members);
        return owner(system.ownerAreaCode(), ownerLevel)
                .then(existingMembers(members))
                .then(transaction.transactional(store.insertSystem(candidate, by)
                        .flatMap(inserted -> inserted ? republishMembership(code, List.of(), members, by)
                                : Mono.error(new TijianException(IndicatorError.DUPLICATE_CODE, code)))))
                .thenReturn(candidate);
    }

    /** Sets which indicators a special check uses; each indicator that joins or leaves is published again. */
    public Mono<IndicatorSystem> setMembers(String systemCode, List<String> memberCodes, String by) {
        List<String> members = List.copyOf(new LinkedHashSet<>(memberCodes));
        return system(systemCode).flatMap(system -> {
            if (system.kind() != IndicatorSystemKind.SPECIAL_CHECK) {
                return Mono.error(new TijianException(IndicatorError.INVALID_SYSTEM, systemCode,
                        "只有专项体检指标集（SPECIAL_CHECK）可以引用其他体系的指标"));
            }
            return existingMembers(members)
                    .then(transaction.transactional(store.updateMembers(systemCode, members)
                            .then(republishMembership(systemCode, system.memberCodes(), members, by))))
                    .thenReturn(new IndicatorSystem(system.code(), system.kind(), system.nameZh(), system.nameEn(),
                            system.ownerAreaCode(), system.topicZh(), members));
        });
    }

    /** Loads a built-in system: indicators already present are left as they are. @return how many were added */
    public Mono<Long> seed(IndicatorSystem system, List<IndicatorDefined> indicators) {
        for (IndicatorDefined indicator : indicators) {
            List<IndicatorRules.Violation> violations = IndicatorRules.check(indicator);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("built-in indicator " + indicator.code() + " is invalid: " + violations);
            }
        }
        return transaction.transactional(store.insertSystem(system, "seed")
                .thenMany(Flux.fromIterable(indicators))
                .concatMap(indicator -> store.insert(indicator, "seed", "built in")
                        .flatMap(inserted -> inserted ? publish(indicator).thenReturn(1L) : Mono.just(0L)))
                .reduce(0L, Long::sum));
    }

    private Mono<IndicatorDefined> save(IndicatorDefined current, IndicatorDefined candidate, String by, String change) {
        return validated(candidate).flatMap(valid -> transaction.transactional(store.update(valid, by, change)
                .flatMap(updated -> updated ? Mono.just(valid) : Mono.error(conflict(current, candidate.revision() - 1)))
                .flatMap(saved -> publish(saved)
                        .thenMany(Flux.fromIterable(changedYears(current, saved)))
                        .concatMap(year -> store.requestReevaluation(saved.code(), year, by))
                        .then(Mono.just(saved)))));
    }

    /** Years whose standards differ between two definitions. */
    static Set<Integer> changedYears(IndicatorDefined before, IndicatorDefined after) {
        Map<Integer, Set<IndicatorDefined.Standard>> old = byYear(before.standards());
        Map<Integer, Set<IndicatorDefined.Standard>> now = byYear(after.standards());
        Set<Integer> years = new HashSet<>(old.keySet());
        years.addAll(now.keySet());
        years.removeIf(year -> Objects.equals(normalized(old.get(year)), normalized(now.get(year))));
        return years;
    }

    private static Map<Integer, Set<IndicatorDefined.Standard>> byYear(List<IndicatorDefined.Standard> standards) {
        return standards.stream().collect(Collectors.groupingBy(IndicatorDefined.Standard::checkYear, Collectors.toSet()));
    }

    private static Set<String> normalized(Set<IndicatorDefined.Standard> standards) {
        if (standards == null) {
            return Set.of();
        }
        return standards.stream()
                .map(s -> s.cityClass() + "|" + s.sizeClass() + "|" + s.operator() + "|" + plain(s.threshold()) + "|"
                        + plain(s.upperThreshold()))
                .collect(Collectors.toSet());
    }

    private static String plain(java.math.BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    private Mono<IndicatorDefined> validated(IndicatorDefined candidate) {
        List<IndicatorRules.Violation> violations = new ArrayList<>(IndicatorRules.check(candidate));
        Map<String, String> units = candidate.dataElements() == null ? Map.of()
                : candidate.dataElements().stream().filter(e -> e.code() != null && e.unit() != null)
                        .collect(Collectors.toMap(IndicatorDefined.DataElement::code, IndicatorDefined.DataElement::unit,
                                (a, b) -> a));
        return store.dataElementUses(units.keySet())
                .filter(use -> !use.indicatorCode().equals(candidate.code()) && !use.unit().equals(units.get(use.dataElement())))
                .map(use -> IndicatorRules.Violation.of("dataElements", IndicatorError.DATA_ELEMENT_UNIT_CONFLICT,
                        use.dataElement(), use.indicatorCode(), use.unit(), units.get(use.dataElement())))
                .collectList()
                .flatMap(conflicts -> {
                    violations.addAll(conflicts);
                    return violations.isEmpty() ? Mono.just(candidate) : Mono.error(invalid(candidate.code(), violations));
                });
    }

    private static RowErrorsException invalid(String code, List<IndicatorRules.Violation> violations) {
        List<RowErrorsException.RowError> errors = violations.stream()
                .map(v -> new RowErrorsException.RowError(1, v.error().code(), v.field(),
                        TijianException.message(v.error(), Locale.SIMPLIFIED_CHINESE, v.arguments().toArray())))
                .toList();
        return new RowErrorsException(IndicatorError.INVALID_INDICATOR, errors, code, errors.size());
    }

    private Mono<IndicatorDefined> current(String code, long basedOnRevision) {
        return store.find(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(IndicatorError.INDICATOR_NOT_FOUND, code)))
                .flatMap(current -> current.revision() == basedOnRevision ? Mono.just(current)
                        : Mono.error(conflict(current, basedOnRevision)));
    }

    private static TijianException conflict(IndicatorDefined current, long basedOnRevision) {
        return new TijianException(IndicatorError.REVISION_CONFLICT, current.code(), current.revision(), basedOnRevision);
    }

    private Mono<IndicatorSystem> system(String code) {
        return store.findSystem(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(IndicatorError.SYSTEM_NOT_FOUND, code)));
    }

    private Mono<Void> owner(String areaCode, AreaLevel level) {
        if (areaCode == null) {
            return Mono.error(new TijianException(IndicatorError.UNKNOWN_OWNER, "-", level.nameZh()));
        }
        return areas.find(areaCode)
                .filter(area -> area.level() == level)
                .switchIfEmpty(Mono.error(() -> new TijianException(IndicatorError.UNKNOWN_OWNER, areaCode, level.nameZh())))
                .then();
    }

    private Mono<Void> existingMembers(List<String> members) {
        return Flux.fromIterable(members)
                .concatMap(code -> store.find(code)
                        .filter(indicator -> !indicator.retired())
                        .switchIfEmpty(Mono.error(() -> new TijianException(IndicatorError.UNKNOWN_MEMBER, code))))
                .then();
    }

    private Mono<Void> republishMembership(String setCode, List<String> before, List<String> after, String by) {
        Set<String> changed = new LinkedHashSet<>(before);
        changed.addAll(after);
        changed.removeIf(code -> before.contains(code) && after.contains(code));
        return Flux.fromIterable(changed)
                .concatMap(code -> store.find(code).flatMap(current -> {
                    Set<String> sets = new LinkedHashSet<>(current.specialCheckSets());
                    if (after.contains(code)) {
                        sets.add(setCode);
                    } else {
                        sets.remove(setCode);
                    }
                    IndicatorDefined next = revise(current, current.systemCode(), current.systemKind(),
                            current.ownerAreaCode(), List.copyOf(sets), current.retired(), current.revision() + 1);
                    return store.update(next, by, "special check " + setCode)
                            .flatMap(updated -> updated ? publish(next) : Mono.error(conflict(current, current.revision())));
                }))
                .then();
    }

    private Mono<Void> publish(IndicatorDefined indicator) {
        return outbox.append(indicator, indicator.code(), indicator.code(), TraceParent.newRoot());
    }

    private static IndicatorDefined revise(IndicatorDefined d, String systemCode, IndicatorSystemKind kind, String owner,
            List<String> sets, boolean retired, long revision) {
        return new IndicatorDefined(d.code(), systemCode, kind, owner, d.nameZh(), d.nameEn(), d.dimension(),
                d.categoryZh(), d.unit(), d.direction(), d.core(), listOrEmpty(d.acquisitionMethods()), d.checkCycle(),
                d.evaluationLevel(), d.responsibleDepartment(), d.responsibleDepartmentZh(),
                d.defaultRectificationClass(), d.rectificationSuggestionZh(), d.computation(),
                listOrEmpty(d.dataElements()), listOrEmpty(d.standards()), listOrEmpty(d.gradeBands()), sets, retired,
                revision);
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
