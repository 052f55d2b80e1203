package org.tijian.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from zonky's binaries, its cluster kept in {@code <data>/postgres}: created by
 * initdb on the first start, reused afterwards. Creates role {@code tijian} and one database per
 * service, both idempotently.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "tijian";
    static final String PASSWORD = "tijian";
    /**
     * Text sorted and indexed byte by byte, which for UTF-8 is code-point order, the order C.UTF-8 gives too; but
     * PostgreSQL compares with memcmp only under "C", and every other collation goes through strcoll (a fifth longer
     * for the inserts and look-ups by area code that most of evaluation's time goes to). See docs/operations.md.
     */
    static final String BYTE_ORDER = "template template0 lc_collate 'C'";
    static final List<String> DATABASES = List.of("tijian_intake", "tijian_evaluation", "tijian_ledger",
            "tijian_projects", "tijian_gateway");

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    static PostgresServer start(Path directory, int port, Path logFile, Map<String, String> settings) {
        long started = System.nanoTime();
        boolean existing = Files.exists(directory.resolve("PG_VERSION"));
        try {
            ChildProcess.markStart(logFile, "PostgreSQL");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky's own JVM shutdown hook would stop PostgreSQL as soon as the JVM starts
                    // to exit, while the services still use it; Platform stops it after them.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            PostgresServer server = new PostgresServer(postgres, port);
            server.createRoleAndDatabases();
            log.info("PostgreSQL on port {} ({} cluster in {}) in {}", port, existing ? "existing" : "new", directory,
                    String.format("%.1f s", (System.nanoTime() - started) / 1e9));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + directory + "; see " + logFile, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start PostgreSQL in " + directory + ": " + e.getMessage()
                    + System.lineSeparator() + ChildProcess.tailSinceStart(logFile, "PostgreSQL", 40), e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private void createRoleAndDatabases() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("do $$ begin create role " + USER + " login password '" + PASSWORD + "'; "
                    + "exception when duplicate_object then null; end $$");
            for (String database : DATABASES) {
                if (!exists(connection, database)) {
                    statement.execute("create database " + database + " owner " + USER + " " + BYTE_ORDER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the role and databases: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, database);
            return query.executeQuery().next();
        }
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("cannot stop PostgreSQL cleanly: {}", e.getMessage());
        }
        log.info("stopped PostgreSQL in {}", String.format("%.1f s", (System.nanoTime() - started) / 1e9));
    }
}
