package org.tijian.intake.submission;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.tijian.contracts.EventType;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.contracts.intake.ObservationWithdrawn;
import org.tijian.contracts.intake.PublicFeedbackReported;
import org.tijian.kit.outbox.OutboxExpansion;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a batch's events from its rows in {@code observation}: the batch's single outbox row names
 * this expansion. Events go out in file order (by row number), each with a stable event id (the
 * observation's id; for a withdrawal one derived from it), so a relay that restarts mid-batch sends
 * the rest again and consumers drop what they already had.
 */
@Component
class R2dbcBatchPublication implements OutboxExpansion {

    static final String NAME = "intake.batch";

    private final JsonMapper json;

    R2dbcBatchPublication(JsonMapper json) {
        this.json = json;
    }

    /** What the batch's outbox row says: which batch, and whether it publishes withdrawals. */
    record Parameters(UUID batchId, boolean withdrawals) {
    }

    @Override
    public String name() {
        return NAME;
    }

    static EventType eventType(ObservationKind kind, boolean withdrawals) {
        if (withdrawals) {
            return EventType.OBSERVATION_WITHDRAWN;
        }
        return switch (kind) {
            case VALUE -> EventType.OBSERVATION_ACCEPTED;
            case FINDING -> EventType.FINDING_REPORTED;
            default -> EventType.PUBLIC_FEEDBACK_REPORTED;
        };
    }

    static byte[] parameters(UUID batch, boolean withdrawals) {
        return ("{\"batchId\":\"" + batch + "\",\"withdrawals\":" + withdrawals + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Flux<ExpandedEvent> next(DatabaseClient db, byte[] parameters, long position, int limit) {
        Parameters batch = json.readValue(parameters, Parameters.class);
        // The events are built here, as the rows arrive on the connection's thread, rather than by
        // json_build_object in PostgreSQL: that costs the database five times what reading the columns does.
        return db.sql(batch.withdrawals() ? WITHDRAWALS : NEW_VERSIONS)
                .bind("batch", batch.batchId()).bind("position", (int) Math.min(position, Integer.MAX_VALUE))
                .bind("limit", limit)
                .map(batch.withdrawals() ? this::withdrawal : this::newVersion)
                .all();
    }

    /** Times as microseconds since the epoch: the driver reads a number many times faster than a timestamp's text. */
    private static final String MICROS = "(extract(epoch from %s) * 1000000)::bigint";

    private static final String NEW_VERSIONS = """
            select id, kind, check_year, area_code, subject, qualifier, value, unit, department, submitted_by, source_method,
              %s as received_at, batch_id, row_no, revision, supersedes,
              detail->>'findingType' as finding_type, detail->>'severity' as severity, detail->>'description' as description,
              detail->>'appraisalReference' as appraisal_reference,
              case when kind = 'FINDING' then array(select jsonb_array_elements_text(coalesce(detail->'attachments', '[]')))
              end as attachments,
              (detail->>'respondents')::bigint as respondents
            from observation where batch_id = :batch and row_no > :position
            order by row_no limit :limit""".formatted(MICROS.formatted("received_at"));

    /** Withdrawals are the versions the batch ended, at the batch's own row numbers. */
    private static final String WITHDRAWALS = """
            select id, kind, check_year, area_code, subject, qualifier, department, ended_by, ended_in_batch, ended_at_row,
              %s as ended_at
            from observation where ended_in_batch = :batch and status = 'WITHDRAWN' and ended_at_row > :position
            order by ended_at_row limit :limit""".formatted(MICROS.formatted("ended_at"));

    private ExpandedEvent newVersion(Readable row) {
        UUID id = row.get("id", UUID.class);
        ObservationKind kind = ObservationKind.valueOf(row.get("kind", String.class));
        int checkYear = row.get("check_year", Integer.class);
        String area = row.get("area_code", String.class);
        String subject = row.get("subject", String.class);
        String department = row.get("department", String.class);
        String submittedBy = row.get("submitted_by", String.class);
        String sourceMethod = row.get("source_method", String.class);
        Instant received = instant(row.get("received_at", Long.class));
        UUID batchId = row.get("batch_id", UUID.class);
        int rowNo = row.get("row_no", Integer.class);
        int revision = row.get("revision", Integer.class);
        UUID supersedes = row.get("supersedes", UUID.class);
        Object event = switch (kind) {
            case VALUE -> new ObservationAccepted(id, checkYear, area, subject, row.get("value", BigDecimal.class),
                    row.get("unit", String.class), department, submittedBy, received, batchId, rowNo, sourceMethod,
                    revision, supersedes);
            case FINDING -> new FindingReported(id, checkYear, subject, area, row.get("finding_type", String.class),
                    row.get("severity", String.class), row.get("description", String.class),
                    row.get("appraisal_reference", String.class), List.of(row.get("attachments", String[].class)),
                    department, submittedBy, sourceMethod, batchId, rowNo, revision, supersedes, received);
            default -> new PublicFeedbackReported(id, kind, checkYear, area, subject, row.get("qualifier", String.class),
                    row.get("value", BigDecimal.class), row.get("respondents", Long.class), department, submittedBy,
                    batchId, rowNo, revision, supersedes, received);
        };
        return new ExpandedEvent(rowNo, id, area, id.toString(), json.writeValueAsBytes(event));
    }

    private ExpandedEvent withdrawal(Readable row) {
        UUID id = row.get("id", UUID.class);
        String area = row.get("area_code", String.class);
        int rowNo = row.get("ended_at_row", Integer.class);
        ObservationWithdrawn event = new ObservationWithdrawn(id, ObservationKind.valueOf(row.get("kind", String.class)),
                row.get("check_year", Integer.class), area, row.get("subject", String.class),
                row.get("qualifier", String.class), row.get("department", String.class), row.get("ended_by", String.class),
                row.get("ended_in_batch", UUID.class), rowNo, instant(row.get("ended_at", Long.class)));
        return new ExpandedEvent(rowNo, withdrawalEventId(id), area, id.toString(), json.writeValueAsBytes(event));
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Stable, so that a withdrawal published again is recognised; distinct from the version's own event id. */
    static UUID withdrawalEventId(UUID observation) {
        try {
            // md5('withdrawn ' || id)::uuid, as earlier versions derived it in SQL
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(("withdrawn " + observation).getBytes(StandardCharsets.UTF_8));
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(md5);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
