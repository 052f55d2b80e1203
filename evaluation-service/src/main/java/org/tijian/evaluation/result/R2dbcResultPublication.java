package org.tijian.evaluation.result;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.kit.outbox.OutboxExpansion;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an evaluation round's new result versions ({@code IndicatorEvaluated}) in the order the round computed
 * them: the round's single outbox row names this expansion. A version is read from the current result or, when a later
 * version superseded it before the relay came to it, from the history. Each event's id is derived from the result
 * and its version, so a relay that restarts mid-round sends the rest again and consumers drop what they had. The
 * rounds this instance wrote lately are handed over in memory ({@link RecentRounds}) and not read back.
 */
@Component
class R2dbcResultPublication implements OutboxExpansion {

    static final String NAME = "evaluation.round";

    private final JsonMapper json;
    private final IndicatorIndexService catalog;
    private final RecentRounds recent;

    R2dbcResultPublication(JsonMapper json, IndicatorIndexService catalog, RecentRounds recent) {
        this.json = json;
        this.catalog = catalog;
        this.recent = recent;
    }

    record Parameters(Long roundId) {
    }

    /** The outbox row's payload that names the round to publish. */
    static byte[] parameters(long roundId) {
        return ("{\"roundId\":" + roundId + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Flux<ExpandedEvent> next(DatabaseClient db, byte[] parameters, long position, int limit) {
        long round = json.readValue(parameters, Parameters.class).roundId();
        Optional<List<RecentRounds.Placed>> kept = recent.after(round, position, limit);
        if (kept.isPresent()) {
            return catalog.current().flatMapMany(index -> Flux.fromIterable(kept.get())
                    .map(placed -> event(index, placed.result(), placed.position())));
        }
        return catalog.current().flatMapMany(index -> db.sql("""
                        select * from (
                          select %s, cast(r.round_position as bigint) as round_position
                          from indicator_result r where r.round_id = :round and r.round_position > :position
                          union all
                          select h.result_id, r.check_year, r.area_code, r.indicator_code, h.version, h.value, h.unit,
                            h.verdict, h.standard, h.gap, h.explanation, h.observation_ids, %s, h.area_level,
                            h.evaluation_level, h.items_failing, h.items_surveyed, h.items_total, h.numerator,
                            h.denominator, h.missing, h.grade, h.standard_revision, h.detail_zh, h.severity,
                            cast(h.round_position as bigint)
                          from indicator_result_history h join indicator_result r on r.id = h.result_id
                          where h.round_id = :round and h.round_position > :position) v
                        order by round_position limit :limit""".formatted(R2dbcResultStore.COLUMNS,
                                R2dbcPendingResults.epochMicrosOf("h.evaluated_at")))
                .bind("round", round).bind("position", position).bind("limit", limit)
                .map(row -> event(index, R2dbcResultStore.read(row), row.get("round_position", Long.class)))
                .all());
    }

    private ExpandedEvent event(IndicatorIndex index, IndicatorResult result, long position) {
        IndicatorDefined indicator = index.find(result.indicatorCode());
        byte[] payload = json.writeValueAsBytes(result.evaluated(indicator));
        return new ExpandedEvent(position, eventId(result.id(), result.version()), result.areaCode(),
                result.id().toString(), payload);
    }

    static UUID eventId(UUID resultId, int version) {
        return UUID.nameUUIDFromBytes(("IndicatorEvaluated " + resultId + " " + version).getBytes(StandardCharsets.UTF_8));
    }
}
