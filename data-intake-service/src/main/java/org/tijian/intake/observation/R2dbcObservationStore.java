package org.tijian.intake.observation;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.intake.ObservationKind;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcObservationStore implements ObservationStore {

    private static final String COLUMNS = """
            id, kind, check_year, area_code, subject, qualifier, value, unit, note, detail, department, submitted_by,
            source_method, batch_id, row_no, revision, status, supersedes, received_at, ended_at""";

    private final DatabaseClient db;

    R2dbcObservationStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Observation> findById(UUID id) {
        return db.sql("select " + COLUMNS + " from observation where id = :id")
                .bind("id", id)
                .map(R2dbcObservationStore::read)
                .one();
    }

    @Override
    public Mono<Observation> current(int checkYear, String kind, String areaCode, String subject, String qualifier) {
        return byKey("and status = 'CURRENT'", checkYear, kind, areaCode, subject, qualifier).next();
    }

    @Override
    public Flux<Observation> findByArea(String areaCode, int checkYear, boolean includeHistory, int limit) {
        return db.sql("select " + COLUMNS + " from observation where area_code = :areaCode and check_year = :checkYear "
                        + (includeHistory ? "" : "and status = 'CURRENT' ")
                        + "order by received_at desc, subject limit :limit")
                .bind("areaCode", areaCode)
                .bind("checkYear", checkYear)
                .bind("limit", limit)
                .map(R2dbcObservationStore::read)
                .all();
    }

    @Override
    public Flux<Observation> history(int checkYear, String kind, String areaCode, String subject, String qualifier) {
        return byKey("order by revision desc", checkYear, kind, areaCode, subject, qualifier);
    }

    private Flux<Observation> byKey(String rest, int checkYear, String kind, String areaCode, String subject,
            String qualifier) {
        return db.sql("select " + COLUMNS + " from observation where check_year = :year and kind = :kind "
                        + "and area_code = :area and subject = :subject and qualifier = :qualifier " + rest)
                .bind("year", checkYear).bind("kind", kind).bind("area", areaCode).bind("subject", subject)
                .bind("qualifier", qualifier)
                .map(R2dbcObservationStore::read)
                .all();
    }

    private static Observation read(Readable row) {
        Json detail = row.get("detail", Json.class);
        OffsetDateTime ended = row.get("ended_at", OffsetDateTime.class);
        return new Observation(
                row.get("id", UUID.class),
                ObservationKind.valueOf(row.get("kind", String.class)),
                row.get("check_year", Integer.class),
                row.get("area_code", String.class),
                row.get("subject", String.class),
                row.get("qualifier", String.class),
                row.get("value", BigDecimal.class),
                row.get("unit", String.class),
                row.get("note", String.class),
                detail == null ? null : detail.asString(),
                row.get("department", String.class),
                row.get("submitted_by", String.class),
                row.get("source_method", String.class),
                row.get("batch_id", UUID.class),
                row.get("row_no", Integer.class),
                row.get("revision", Integer.class),
                Observation.Status.valueOf(row.get("status", String.class)),
                row.get("supersedes", UUID.class),
                row.get("received_at", OffsetDateTime.class).toInstant(),
                ended == null ? null : ended.toInstant());
    }
}
