package org.tijian.intake.completeness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Mono;

/**
 * Which departments have not yet submitted which data elements for which areas (报送完整性): every
 * data element of the indicators that apply to the area is expected from the indicator's responsible
 * department for each area at the indicator's evaluation level in the subtree.
 */
@RestController
@RequestMapping("/api/intake/completeness")
class CompletenessController {

    private static final int MISSING_AREAS_LISTED = 20;

    private final DatabaseClient db;

    CompletenessController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping
    Mono<Completeness> completeness(@RequestParam int checkYear, @RequestParam String areaCode,
            @RequestParam(required = false) String department, @AuthenticationPrincipal Jwt jwt) {
        TijianUser user = TijianUser.fromClaims(jwt.getClaims());
        user.requireWorksOn(areaCode);
        boolean seesAll = user.has(Role.ADMINISTRATOR) || user.has(Role.CITY_OFFICIAL) || user.has(Role.DISTRICT_OFFICIAL)
                || user.has(Role.PROVINCIAL_REVIEWER);
        String only = seesAll ? department : user.department();
        return db.sql("""
                        with expected as (
                          select distinct e->>'code' as element, e->>'nameZh' as name_zh,
                            i.definition->>'responsibleDepartment' as department,
                            i.definition->>'responsibleDepartmentZh' as department_zh, i.evaluation_level as level
                          from indicator_copy i, jsonb_array_elements(i.definition->'dataElements') e
                          where not i.retired and i.definition->>'responsibleDepartment' is not null
                            and (cast(:department as text) is null or i.definition->>'responsibleDepartment' = :department)
                            and (i.owner_area_code is null or :area like i.owner_area_code || '%'
                                 or i.owner_area_code like :area || '%'))
                        select x.department, min(x.department_zh) as department_zh, x.element, min(x.name_zh) as name_zh,
                          x.level, count(*) as expected, count(o.id) as reported,
                          array_agg(a.code order by a.code) filter (where o.id is null) as first_missing
                        from expected x
                        join area_copy a on a.level = x.level and a.code like :area || '%'
                        left join observation o on o.status = 'CURRENT' and o.kind = 'VALUE' and o.check_year = :year
                          and o.area_code = a.code and o.subject = x.element
                        group by x.department, x.element, x.level
                        order by x.department, x.element""")
                .bind("department", Parameter.fromOrEmpty(only, String.class))
                .bind("area", areaCode).bind("year", checkYear)
                .map(row -> new ElementCompleteness(row.get("department", String.class),
                        row.get("department_zh", String.class), row.get("element", String.class),
                        row.get("name_zh", String.class), row.get("level", String.class),
                        row.get("expected", Long.class), row.get("reported", Long.class),
                        row.get("expected", Long.class) - row.get("reported", Long.class),
                        firstMissing(row.get("first_missing", String[].class))))
                .all().collectList()
                .map(elements -> summarize(checkYear, areaCode, elements));
    }

    private static List<String> firstMissing(String[] missing) {
        return missing == null ? List.of() : Arrays.asList(missing).subList(0, Math.min(missing.length, MISSING_AREAS_LISTED));
    }

    private static Completeness summarize(int checkYear, String areaCode, List<ElementCompleteness> elements) {
        Map<String, List<ElementCompleteness>> byDepartment = new LinkedHashMap<>();
        for (ElementCompleteness element : elements) {
            byDepartment.computeIfAbsent(element.department(), d -> new ArrayList<>()).add(element);
        }
        List<DepartmentCompleteness> departments = new ArrayList<>();
        byDepartment.forEach((department, list) -> {
            long expected = list.stream().mapToLong(ElementCompleteness::expected).sum();
            long reported = list.stream().mapToLong(ElementCompleteness::reported).sum();
            departments.add(new DepartmentCompleteness(department, list.get(0).departmentZh(), expected, reported,
                    expected - reported, list));
        });
        return new Completeness(checkYear, areaCode, departments);
    }

    record Completeness(int checkYear, String areaCode, List<DepartmentCompleteness> departments) {
    }

    record DepartmentCompleteness(String department, String departmentZh, long expected, long reported, long missing,
            List<ElementCompleteness> dataElements) {
    }

    /** @param firstMissingAreas the first areas (by code) still without a value */
    record ElementCompleteness(String department, String departmentZh, String dataElement, String nameZh, String level,
            long expected, long reported, long missing, List<String> firstMissingAreas) {
    }
}
