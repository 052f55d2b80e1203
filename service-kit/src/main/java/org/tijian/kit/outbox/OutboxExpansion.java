package org.tijian.kit.outbox;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * Events that one outbox row stands for, read from the service's own tables when the relay reaches
 * that row. A bulk import writes its business rows and ONE outbox row in its transaction instead of a
 * million; the relay then publishes the rows' events in order, before any later outbox row, so the
 * order per key is the same as with one outbox row per event. Event ids must be stable (derived from
 * the rows) because a restarted relay sends the events after its last recorded position again.
 */
public interface OutboxExpansion {

    /** The name outbox rows give in {@code expansion}. */
    String name();

    /**
     * The next events in position order, after {@code position}, at most {@code limit}.
     *
     * @param parameters the outbox row's payload (JSON), e.g. which batch
     */
    Flux<ExpandedEvent> next(DatabaseClient db, byte[] parameters, long position, int limit);

    /**
     * One event of an expansion; topic, type, source, time and trace are the outbox row's.
     *
     * @param position increases along the expansion, e.g. the row number in the imported file
     */
    record ExpandedEvent(long position, UUID eventId, String messageKey, String subject, byte[] payload) {
    }
}
