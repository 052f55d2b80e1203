package org.tijian.ledger.feedback;

import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.contracts.intake.PublicFeedbackReported;
import reactor.core.publisher.Mono;

@Repository
class R2dbcComplaintStore implements ComplaintStore {

    private final DatabaseClient db;

    R2dbcComplaintStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> record(PublicFeedbackReported f) {
        if (f.kind() != ObservationKind.HOTLINE) {
            return Mono.empty();
        }
        return db.sql("insert into complaint (feedback_id, check_year, area_code, topic, value, supersedes, reported_at) "
                        + "values (:id, :year, :area, :topic, :value, :supersedes, :at) on conflict (feedback_id) do nothing")
                .bind("id", f.feedbackId()).bind("year", f.checkYear()).bind("area", f.areaCode())
                .bind("topic", f.topic()).bind("value", f.value())
                .bind("supersedes", Parameter.fromOrEmpty(f.supersedes(), java.util.UUID.class))
                .bind("at", f.reportedAt())
                .then();
    }

    @Override
    public Mono<Long> count(int checkYear, String areaCode, String topic) {
        return db.sql("""
                        select coalesce(sum(c.value), 0) as total from complaint c
                        where c.check_year = :year and c.topic = :topic
                          and (:area like c.area_code || '%' or c.area_code like :area || '%')
                          and not exists (select 1 from complaint s where s.supersedes = c.feedback_id)""")
                .bind("year", checkYear).bind("topic", topic).bind("area", areaCode)
                .map(row -> row.get("total", BigDecimal.class).longValue())
                .one();
    }
}
