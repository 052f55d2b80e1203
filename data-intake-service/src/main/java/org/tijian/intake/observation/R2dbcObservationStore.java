package org.tijian.intake.observation;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcObservationStore implements ObservationStore {

    private static final String COLUMNS = """
            id, check_year, area_code, data_element, value, unit, note, department, submitted_by,
            idempotency_key, received_at""";

    private final DatabaseClient db;

    R2dbcObservationStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Observation o) {
        return db.sql("insert into observation (" + COLUMNS + ") values "
                        + "(:id, :checkYear, :areaCode, :dataElement, :value, :unit, :note, :department, :submittedBy, "
                        + ":idempotencyKey, :receivedAt)")
                .bind("id", o.id())
                .bind("checkYear", o.checkYear())
                .bind("areaCode", o.areaCode())
                .bind("dataElement", o.dataElement())
                .bind("value", o.value())
                .bind("unit", Parameter.fromOrEmpty(o.unit(), String.class))
                .bind("note", Parameter.fromOrEmpty(o.note(), String.class))
                .bind("department", o.department())
                .bind("submittedBy", o.submittedBy())
                .bind("idempotencyKey", Parameter.fromOrEmpty(o.idempotencyKey(), String.class))
                .bind("receivedAt", o.receivedAt())
                .then();
    }

    @Override
    public Mono<Observation> findById(UUID id) {
        return db.sql("select " + COLUMNS + " from observation where id = :id")
                .bind("id", id)
                .map(R2dbcObservationStore::read)
                .one();
    }

    @Override
    public Mono<Observation> findByIdempotencyKey(String department, String idempotencyKey) {
        return db.sql("select " + COLUMNS + " from observation where department = :department and idempotency_key = :key")
                .bind("department", department)
                .bind("key", idempotencyKey)
                .map(R2dbcObservationStore::read)
                .one();
    }

    @Override
    public Flux<Observation> findByArea(String areaCode, int checkYear, int limit) {
        return db.sql("select " + COLUMNS + " from observation where area_code = :areaCode and check_year = :checkYear "
                        + "order by received_at desc limit :limit")
                .bind("areaCode", areaCode)
                .bind("checkYear", checkYear)
                .bind("limit", limit)
                .map(R2dbcObservationStore::read)
                .all();
    }

    private static Observation read(Readable row) {
        return new Observation(
                row.get("id", UUID.class),
                row.get("check_year", Integer.class),
                row.get("area_code", String.class),
                row.get("data_element", String.class),
                row.get("value", BigDecimal.class),
                row.get("unit", String.class),
                row.get("note", String.class),
                row.get("department", String.class),
                row.get("submitted_by", String.class),
                row.get("idempotency_key", String.class),
                row.get("received_at", OffsetDateTime.class).toInstant());
    }
}
