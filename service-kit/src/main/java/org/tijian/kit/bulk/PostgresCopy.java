package org.tijian.kit.bulk;

import io.netty.buffer.ByteBuf;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Streams COPY data into PostgreSQL over an R2DBC connection, however deeply the pool wraps it. */
public final class PostgresCopy {

    /** @param sql a {@code copy <table> (<columns>) from stdin} statement; @return the rows copied */
    public static Mono<Long> copyIn(Connection connection, String sql, Publisher<ByteBuf> data) {
        return postgres(connection).copyIn(sql, data);
    }

    /**
     * Copies rows into a table within the connection's transaction (if any), unless one of them is there already: then the
     * copy is undone (to a savepoint taken before it; outside a transaction the failed COPY wrote nothing) and the
     * result is {@code false}, for the caller to insert the rows with {@code on conflict} instead. COPY writes a large
     * batch in about half the time of an insert from arrays, but it cannot skip a row whose key is taken, as a record
     * delivered twice is.
     *
     * @param data the rows, made when subscribed to
     * @return whether the rows were copied
     */
    public static Mono<Boolean> copyInUnlessTaken(Connection connection, String sql, Publisher<ByteBuf> data) {
        // Outside a transaction a savepoint would open one that nothing here commits.
        boolean inTransaction = !connection.isAutoCommit();
        Mono<Void> copy = Mono.defer(() -> copyIn(connection, sql, data)).then();
        Mono<Void> guarded = inTransaction
                ? Mono.from(connection.createSavepoint(SAVEPOINT)).then(copy)
                        .then(Mono.from(connection.releaseSavepoint(SAVEPOINT)))
                : copy;
        Mono<Void> undo = inTransaction ? Mono.from(connection.rollbackTransactionToSavepoint(SAVEPOINT)) : Mono.empty();
        return guarded.thenReturn(true).onErrorResume(PostgresCopy::keyTaken, e -> undo.thenReturn(false));
    }

    private static final String SAVEPOINT = "copy_unless_taken";

    private static boolean keyTaken(Throwable e) {
        return e instanceof R2dbcException r2dbc && UNIQUE_VIOLATION.equals(r2dbc.getSqlState());
    }

    private static final String UNIQUE_VIOLATION = "23505";

    static PostgresqlConnection postgres(Connection connection) {
        Connection target = connection;
        while (!(target instanceof PostgresqlConnection) && target instanceof Wrapped<?> wrapped) {
            target = (Connection) wrapped.unwrap();
        }
        return (PostgresqlConnection) target;
    }

    private PostgresCopy() {
    }
}
