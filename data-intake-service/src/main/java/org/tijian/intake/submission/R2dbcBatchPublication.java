package org.tijian.intake.submission;

import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.tijian.contracts.EventType;
import org.tijian.contracts.intake.ObservationKind;
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

    private static final String TIME = "to_char(%s at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    private static final String LINEAGE = """
            'department', department, 'submittedBy', submitted_by, 'batchId', batch_id, 'rowNo', row_no,
            'revision', revision, 'supersedes', supersedes""";

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
        String sql = batch.withdrawals() ? withdrawalsSql() : newVersionsSql();
        return db.sql(sql).bind("batch", batch.batchId()).bind("position", (int) Math.min(position, Integer.MAX_VALUE))
                .bind("limit", limit)
                .map(R2dbcBatchPublication::event)
                .all();
    }

    private static String newVersionsSql() {
        return """
                select row_no as position, id as event_id, area_code, id::text as subject,
                  (case kind
                    when 'VALUE' then json_build_object('observationId', id, 'checkYear', check_year, 'areaCode', area_code,
                      'dataElement', subject, 'value', value, 'unit', unit, 'acceptedAt', %1$s,
                      'sourceMethod', source_method, %2$s)
                    when 'FINDING' then json_build_object('findingId', id, 'checkYear', check_year, 'indicatorCode', subject,
                      'areaCode', area_code, 'findingType', detail->>'findingType', 'severity', detail->>'severity',
                      'descriptionZh', detail->>'description', 'appraisalReference', detail->>'appraisalReference',
                      'attachments', coalesce(detail->'attachments', '[]'::jsonb), 'sourceMethod', source_method,
                      'reportedAt', %1$s, %2$s)
                    else json_build_object('feedbackId', id, 'kind', kind, 'checkYear', check_year, 'areaCode', area_code,
                      'topic', subject, 'channel', qualifier, 'value', value,
                      'respondents', (detail->>'respondents')::bigint, 'reportedAt', %1$s, %2$s)
                  end)::text as payload
                from observation where batch_id = :batch and row_no > :position
                order by row_no limit :limit""".formatted(TIME.formatted("received_at"), LINEAGE);
    }

    /** Withdrawals are the versions the batch ended, at the batch's own row numbers. */
    private static String withdrawalsSql() {
        return """
                select ended_at_row as position, md5('withdrawn ' || id::text)::uuid as event_id, area_code, id::text as subject,
                  json_build_object('observationId', id, 'kind', kind, 'checkYear', check_year, 'areaCode', area_code,
                    'subject', subject, 'qualifier', qualifier, 'department', department, 'withdrawnBy', ended_by,
                    'batchId', ended_in_batch, 'rowNo', ended_at_row, 'withdrawnAt', %s)::text as payload
                from observation where ended_in_batch = :batch and status = 'WITHDRAWN' and ended_at_row > :position
                order by ended_at_row limit :limit""".formatted(TIME.formatted("ended_at"));
    }

    private static ExpandedEvent event(Readable row) {
        return new ExpandedEvent(row.get("position", Integer.class), row.get("event_id", UUID.class),
                row.get("area_code", String.class), row.get("subject", String.class),
                row.get("payload", String.class).getBytes(StandardCharsets.UTF_8));
    }
}
