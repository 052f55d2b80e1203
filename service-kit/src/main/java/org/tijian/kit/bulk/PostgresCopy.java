package org.tijian.kit.bulk;

import io.netty.buffer.ByteBuf;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Streams COPY data into PostgreSQL over an R2DBC connection, however deeply the pool wraps it. */
public final class PostgresCopy {

    /** @param sql a {@code copy <table> (<columns>) from stdin} statement; @return the rows copied */
    public static Mono<Long> copyIn(Connection connection, String sql, Publisher<ByteBuf> data) {
        return postgres(connection).copyIn(sql, data);
    }

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
