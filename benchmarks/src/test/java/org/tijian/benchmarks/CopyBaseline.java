package org.tijian.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * What the database server takes through one plain {@code COPY ... FROM STDIN} (PostgreSQL JDBC's
 * CopyManager): the same CSV file into a scratch table without indexes in the intake database, dropped again.
 */
final class CopyBaseline {

    private static final String TABLE = "benchmark_copy_baseline";

    record Result(long rows, double seconds) {

        double perSecond() {
            return rows / seconds;
        }
    }

    private CopyBaseline() {
    }

    static Result run(String jdbcUrl, String user, String password, Path csv) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + TABLE);
            statement.execute("create table " + TABLE
                    + " (data_element text not null, area_code text not null, value numeric, unit text, note text)");
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                long started = System.nanoTime();
                long rows = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + TABLE + " from stdin (format csv, header true)", reader, 1 << 16);
                double seconds = (System.nanoTime() - started) / 1e9;
                return new Result(rows, seconds);
            } finally {
                statement.execute("drop table if exists " + TABLE);
            }
        }
    }
}
