package org.tijian.evaluation.report;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.intake.ObservationKind;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcReportStore implements ReportStore {

    private final DatabaseClient db;

    R2dbcReportStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<ReportArea> area(String code) {
        return db.sql("""
                        select a.code, a.name_zh, a.level, a.parent_code, a.city_code, c.city_class, c.size_class,
                          (select p.code from area p where p.code = any(a.path) and p.level = 'PROVINCE'
                           order by p.level_rank limit 1) as province_code
                        from area a left join area c on c.code = a.city_code
                        where a.code = :code""")
                .bind("code", code)
                .map(row -> new ReportArea(row.get("code", String.class), row.get("name_zh", String.class),
                        AreaLevel.valueOf(row.get("level", String.class)), row.get("parent_code", String.class),
                        row.get("city_code", String.class), row.get("province_code", String.class),
                        row.get("city_class", String.class), row.get("size_class", String.class)))
                .one();
    }

    @Override
    public Flux<CityComparison.CityValue> rankCities(String provinceCode, int checkYear, List<String> indicatorCodes,
            List<Integer> signs) {
        if (indicatorCodes.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        with k as (
                          select * from unnest(cast(:codes as text[]), cast(:signs as int[])) with ordinality
                            as k(indicator_code, sign, position)),
                        cities as (
                          select code, name_zh, city_class, size_class from area
                          where level = 'CITY' and path @> array[cast(:province as text)])
                        select k.indicator_code, c.code, c.name_zh, c.city_class, c.size_class, r.id, r.value,
                          r.verdict, r.standard,
                          case when r.value is not null then
                            rank() over (partition by k.indicator_code, r.value is null order by r.value * k.sign)
                          end as city_rank
                        from k cross join cities c
                        left join indicator_result r on r.check_year = :year and r.indicator_code = k.indicator_code
                          and r.area_code = c.code
                        order by k.position, city_rank nulls last, c.code""")
                .bind("codes", indicatorCodes.toArray(String[]::new))
                .bind("signs", signs.toArray(Integer[]::new))
                .bind("province", provinceCode).bind("year", checkYear)
                .map(row -> new CityComparison.CityValue(row.get("indicator_code", String.class),
                        row.get("code", String.class), row.get("name_zh", String.class),
                        row.get("city_class", String.class), row.get("size_class", String.class),
                        row.get("id", UUID.class), row.get("value", BigDecimal.class),
                        verdict(row.get("verdict", String.class)), row.get("standard", String.class),
                        intOrNull(row.get("city_rank", Long.class))))
                .all();
    }

    @Override
    public Flux<Lineage.Observation> observations(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        select v.observation_id as id, 'VALUE' as kind, v.area_code, v.data_element,
                          null::text as indicator_code, null::text as finding_type, v.value, v.unit,
                          null::text as description_zh, null::text as severity, v.department, v.batch_id, v.row_no,
                          v.revision, v.supersedes, v.accepted_at, null::timestamptz as reported_at, w.withdrawn_at
                        from observed_value v left join withdrawal w on w.observation_id = v.observation_id
                        where v.observation_id = any(:ids)
                        union all
                        select f.finding_id, 'FINDING', f.area_code, null, f.indicator_code, f.finding_type, null, null,
                          f.description_zh, f.severity, f.department, f.batch_id, f.row_no, f.revision, f.supersedes,
                          null, f.reported_at, w.withdrawn_at
                        from finding f left join withdrawal w on w.observation_id = f.finding_id
                        where f.finding_id = any(:ids)
                        order by kind desc, data_element, indicator_code, area_code, revision, id""")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> new Lineage.Observation(row.get("id", UUID.class),
                        ObservationKind.valueOf(row.get("kind", String.class)), row.get("area_code", String.class),
                        row.get("data_element", String.class), row.get("indicator_code", String.class),
                        row.get("finding_type", String.class), row.get("value", BigDecimal.class),
                        row.get("unit", String.class), row.get("description_zh", String.class),
                        row.get("severity", String.class), row.get("department", String.class),
                        row.get("batch_id", UUID.class), row.get("row_no", Integer.class),
                        row.get("revision", Integer.class), row.get("supersedes", UUID.class),
                        instant(row, "accepted_at"), instant(row, "reported_at"),
                        row.get("withdrawn_at", OffsetDateTime.class) != null, instant(row, "withdrawn_at")))
                .all();
    }

    @Override
    public Flux<ChildVerdicts> childVerdicts(String areaCode, int checkYear) {
        return db.sql("""
                        select a.code, a.name_zh, a.level, count(r.id) as total,
                          count(r.id) filter (where r.verdict = 'PASS') as pass,
                          count(r.id) filter (where r.verdict = 'FAIL') as fail,
                          count(r.id) filter (where r.verdict = 'NOT_GRADED') as not_graded,
                          count(r.id) filter (where r.verdict = 'NO_DATA') as no_data
                        from area a left join indicator_result r on r.area_code = a.code and r.check_year = :year
                        where a.parent_code = :area
                        group by a.code, a.name_zh, a.level
                        order by a.code""")
                .bind("area", areaCode).bind("year", checkYear)
                .map(row -> new ChildVerdicts(row.get("code", String.class), row.get("name_zh", String.class),
                        AreaLevel.valueOf(row.get("level", String.class)),
                        new VerdictCounts(count(row, "total"), count(row, "pass"), count(row, "fail"),
                                count(row, "not_graded"), count(row, "no_data"))))
                .all();
    }

    private static int count(Readable row, String column) {
        return row.get(column, Long.class).intValue();
    }

    private static final String CONTRIBUTING = """
            from area a join indicator_result r on r.area_code = a.code
            where a.parent_code = :area and r.check_year = :year and r.indicator_code = :indicator
              and (r.items_failing > 0 or r.value is not null)""";

    @Override
    public Mono<Long> countContributingChildren(String areaCode, int checkYear, String indicatorCode) {
        return db.sql("select count(*) as children " + CONTRIBUTING)
                .bind("area", areaCode).bind("year", checkYear).bind("indicator", indicatorCode)
                .map(row -> row.get("children", Long.class)).one();
    }

    @Override
    public Flux<Lineage.ChildResult> contributingChildren(String areaCode, int checkYear, String indicatorCode,
            long offset, int limit) {
        return db.sql("select a.code, a.name_zh, a.level, r.id, r.verdict, r.value, r.items_failing, r.items_surveyed, "
                        + "r.items_total " + CONTRIBUTING + " order by a.code limit :limit offset :offset")
                .bind("area", areaCode).bind("year", checkYear).bind("indicator", indicatorCode)
                .bind("limit", limit).bind("offset", offset)
                .map(row -> new Lineage.ChildResult(row.get("code", String.class), row.get("name_zh", String.class),
                        AreaLevel.valueOf(row.get("level", String.class)), row.get("id", UUID.class),
                        verdict(row.get("verdict", String.class)), row.get("value", BigDecimal.class),
                        row.get("items_failing", Long.class), row.get("items_surveyed", Long.class),
                        row.get("items_total", Long.class)))
                .all();
    }

    @Override
    public Flux<Lineage.ResultVersion> history(UUID resultId) {
        return db.sql("""
                        select version, value, verdict, standard, gap, explanation, observation_ids, missing,
                          items_failing, items_surveyed, items_total, standard_revision, evaluated_at
                        from indicator_result_history where result_id = :id
                        union all
                        select version, value, verdict, standard, gap, explanation, observation_ids, missing,
                          items_failing, items_surveyed, items_total, standard_revision, evaluated_at
                        from indicator_result r where r.id = :id and not exists (
                          select 1 from indicator_result_history h where h.result_id = r.id and h.version = r.version)
                        order by version""")
                .bind("id", resultId)
                .map(row -> new Lineage.ResultVersion(row.get("version", Integer.class),
                        row.get("value", BigDecimal.class), verdict(row.get("verdict", String.class)),
                        row.get("standard", String.class), row.get("gap", BigDecimal.class),
                        row.get("explanation", String.class), List.of(row.get("observation_ids", UUID[].class)),
                        List.of(row.get("missing", String[].class)), row.get("items_failing", Long.class),
                        row.get("items_surveyed", Long.class), row.get("items_total", Long.class),
                        row.get("standard_revision", Long.class), instant(row, "evaluated_at")))
                .all();
    }

    @Override
    public Flux<Completeness.NoDataRow> noDataAreas(String cityCode, int checkYear, Collection<String> indicatorCodes,
            int limitPerIndicator) {
        if (indicatorCodes.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        select indicator_code, area_code, name_zh, level, id, missing, total from (
                          select r.indicator_code, r.area_code, a.name_zh, a.level, r.id, r.missing,
                            count(*) over (partition by r.indicator_code) as total,
                            row_number() over (partition by r.indicator_code order by a.level_rank, r.area_code) as n
                          from indicator_result r join area a on a.code = r.area_code
                          where r.check_year = :year and r.verdict = 'NO_DATA' and a.city_code = :city
                            and r.indicator_code = any(:codes)) x
                        where n <= :limit
                        order by indicator_code, n""")
                .bind("year", checkYear).bind("city", cityCode)
                .bind("codes", indicatorCodes.toArray(String[]::new)).bind("limit", limitPerIndicator)
                .map(row -> new Completeness.NoDataRow(row.get("indicator_code", String.class),
                        new Completeness.NoDataArea(row.get("area_code", String.class),
                                row.get("name_zh", String.class), AreaLevel.valueOf(row.get("level", String.class)),
                                row.get("id", UUID.class), List.of(row.get("missing", String[].class))),
                        row.get("total", Long.class)))
                .all();
    }

    @Override
    public Mono<Set<String>> indicatorsWithResults(String cityCode, int checkYear, Collection<String> indicatorCodes) {
        if (indicatorCodes.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("""
                        select k.code from unnest(cast(:codes as text[])) as k(code)
                        where exists (select 1 from indicator_result r join area a on a.code = r.area_code
                                      where r.check_year = :year and r.indicator_code = k.code
                                        and a.city_code = :city)""")
                .bind("codes", indicatorCodes.toArray(String[]::new)).bind("year", checkYear).bind("city", cityCode)
                .map(row -> row.get("code", String.class))
                .all().collect(Collectors.toSet());
    }

    private static Verdict verdict(String name) {
        return name == null ? null : Verdict.valueOf(name);
    }

    private static Integer intOrNull(Long value) {
        return value == null ? null : value.intValue();
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime at = row.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
