package org.tijian.evaluation.indicator;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.catalog.ComputationType;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.IndicatorSystemKind;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Repository
class R2dbcIndicatorStore implements IndicatorStore {

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcIndicatorStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<IndicatorDefined> find(String code) {
        return db.sql("select definition from indicator where code = :code").bind("code", code)
                .map(this::definition).one();
    }

    @Override
    public Flux<IndicatorDefined> all() {
        return db.sql("select definition from indicator order by system_code <> 'NATIONAL_BASIC', system_code, code")
                .map(this::definition).all();
    }

    @Override
    public Flux<DataElementUse> dataElementUses(Collection<String> dataElementCodes) {
        if (dataElementCodes.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        select e->>'code' as element, i.code, e->>'unit' as unit
                        from indicator i, jsonb_array_elements(i.definition->'dataElements') e
                        where not i.retired and e->>'code' = any(:codes)""")
                .bind("codes", dataElementCodes.toArray(String[]::new))
                .map(row -> new DataElementUse(row.get("element", String.class), row.get("code", String.class),
                        row.get("unit", String.class)))
                .all();
    }

    @Override
    public Mono<Boolean> insert(IndicatorDefined indicator, String by, String change) {
        return db.sql("""
                        insert into indicator (code, system_code, owner_area_code, dimension, value_element, revision,
                          retired, definition, updated_by, updated_at)
                        values (:code, :system, :owner, :dimension, :element, :revision, :retired, :definition, :by, now())
                        on conflict (code) do nothing""")
                .bind("code", indicator.code()).bind("system", indicator.systemCode())
                .bind("owner", Parameter.fromOrEmpty(indicator.ownerAreaCode(), String.class))
                .bind("dimension", indicator.dimension().name())
                .bind("element", Parameter.fromOrEmpty(valueElement(indicator), String.class))
                .bind("revision", indicator.revision()).bind("retired", indicator.retired())
                .bind("definition", jsonb(indicator)).bind("by", by)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false)
                        : recordRevision(indicator, by, change).thenReturn(true));
    }

    @Override
    public Mono<Boolean> update(IndicatorDefined indicator, String by, String change) {
        return db.sql("""
                        update indicator set owner_area_code = :owner, dimension = :dimension, value_element = :element,
                          revision = :revision, retired = :retired, definition = :definition, updated_by = :by,
                          updated_at = now()
                        where code = :code and revision = :revision - 1""")
                .bind("code", indicator.code())
                .bind("owner", Parameter.fromOrEmpty(indicator.ownerAreaCode(), String.class))
                .bind("dimension", indicator.dimension().name())
                .bind("element", Parameter.fromOrEmpty(valueElement(indicator), String.class))
                .bind("revision", indicator.revision()).bind("retired", indicator.retired())
                .bind("definition", jsonb(indicator)).bind("by", by)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 0 ? Mono.just(false)
                        : recordRevision(indicator, by, change).thenReturn(true));
    }

    private Mono<Void> recordRevision(IndicatorDefined indicator, String by, String change) {
        return db.sql("""
                        insert into indicator_revision (code, revision, definition, changed_by, changed_at, change)
                        values (:code, :revision, :definition, :by, now(), :change)""")
                .bind("code", indicator.code()).bind("revision", indicator.revision())
                .bind("definition", jsonb(indicator)).bind("by", by).bind("change", change)
                .then();
    }

    @Override
    public Flux<Revision> revisions(String code) {
        return db.sql("""
                        select revision, changed_by, changed_at, change, definition from indicator_revision
                        where code = :code order by revision desc""")
                .bind("code", code)
                .map(row -> new Revision(row.get("revision", Long.class), row.get("changed_by", String.class),
                        row.get("changed_at", OffsetDateTime.class).toInstant(), row.get("change", String.class),
                        definition(row)))
                .all();
    }

    @Override
    public Mono<IndicatorSystem> findSystem(String code) {
        return db.sql("select * from indicator_system where code = :code").bind("code", code)
                .map(R2dbcIndicatorStore::system).one();
    }

    @Override
    public Flux<IndicatorSystem> systems() {
        return db.sql("select * from indicator_system order by kind <> 'NATIONAL_BASIC', owner_area_code, code")
                .map(R2dbcIndicatorStore::system).all();
    }

    @Override
    public Mono<Boolean> insertSystem(IndicatorSystem system, String by) {
        return db.sql("""
                        insert into indicator_system (code, kind, name_zh, name_en, owner_area_code, topic_zh, member_codes,
                          created_by)
                        values (:code, :kind, :nameZh, :nameEn, :owner, :topic, :members, :by)
                        on conflict (code) do nothing""")
                .bind("code", system.code()).bind("kind", system.kind().name()).bind("nameZh", system.nameZh())
                .bind("nameEn", Parameter.fromOrEmpty(system.nameEn(), String.class))
                .bind("owner", Parameter.fromOrEmpty(system.ownerAreaCode(), String.class))
                .bind("topic", Parameter.fromOrEmpty(system.topicZh(), String.class))
                .bind("members", system.memberCodes().toArray(String[]::new)).bind("by", by)
                .fetch().rowsUpdated().map(inserted -> inserted > 0);
    }

    @Override
    public Mono<Void> updateMembers(String systemCode, List<String> memberCodes) {
        return db.sql("update indicator_system set member_codes = :members where code = :code")
                .bind("code", systemCode).bind("members", memberCodes.toArray(String[]::new)).then();
    }

    @Override
    public Mono<Void> requestReevaluation(String indicatorCode, int checkYear, String by) {
        return db.sql("insert into reevaluation_request (indicator_code, check_year, requested_by) values (:code, :year, :by)")
                .bind("code", indicatorCode).bind("year", checkYear).bind("by", by).then();
    }

    private static IndicatorSystem system(Readable row) {
        return new IndicatorSystem(row.get("code", String.class),
                IndicatorSystemKind.valueOf(row.get("kind", String.class)), row.get("name_zh", String.class),
                row.get("name_en", String.class), row.get("owner_area_code", String.class),
                row.get("topic_zh", String.class), List.of(row.get("member_codes", String[].class)));
    }

    private static String valueElement(IndicatorDefined indicator) {
        return indicator.computation().type() == ComputationType.VALUE ? indicator.computation().value() : null;
    }

    private Json jsonb(IndicatorDefined indicator) {
        return Json.of(json.writeValueAsBytes(indicator));
    }

    private IndicatorDefined definition(Readable row) {
        return json.readValue(row.get("definition", Json.class).asArray(), IndicatorDefined.class);
    }
}
