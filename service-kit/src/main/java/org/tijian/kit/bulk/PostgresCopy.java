package org.tijian.kit.bulk;

import io.netty.buffer.ByteBuf;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Wrapped;
import java.util.function.Supplier;
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
     * copy is undone (to a savepoint taken before it) and the result is {@code false}, for the caller to insert the
     * rows with {@code on conflict} instead. COPY writes a large batch in about half the time of an insert from
     * arrays, but it cannot skip a row whose key is taken, as a record delivered twice is.
     *
     * @param data made anew for each attempt (a buffer is released once it was sent)
     * @return whether the rows were copied
     */
    public static Mono<Boolean> copyInUnlessTaken(Connection connection, String sql, Supplier<Publisher<ByteBuf>> data) {
        if (connection.isAutoCommit()) {
            // One statement on its own: a COPY that fails wrote nothing (a savepoint would open a transaction that
            // nothing here commits).
            return Mono.defer(() -> copyIn(connection, sql, data.get())).thenReturn(true)
                    .onErrorResume(PostgresCopy::keyTaken, e -> Mono.just(false));
        }
        return Mono.from(connection.createSavepoint(SAVEPOINT))
                .then(Mono.defer(() -> copyIn(connection, sql, data.get())))
                .then(Mono.from(connection.releaseSavepoint(SAVEPOINT)))
                .thenReturn(true)
                .onErrorResume(PostgresCopy::keyTaken,
                        e -> Mono.from(connection.rollbackTransactionToSavepoint(SAVEPOINT)).thenReturn(false));
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
