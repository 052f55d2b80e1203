package org.tijian.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.tijian.kit.security.dev.DemoUser;
import org.tijian.kit.security.dev.DevTokenIssuer;

/**
 * One real Kafka broker, one real PostgreSQL server and one token issuer per test JVM, started on
 * first use and shared by every test context; tests isolate themselves by database, topic data and
 * consumer group. Embedded by default (an in-JVM KRaft broker, PostgreSQL 17 from zonky's binaries);
 * with {@code -Dtijian.infra=containers}, Testcontainers (needs Docker).
 */
public final class TestInfrastructure {

    public static final String USER = "tijian";
    public static final String PASSWORD = "tijian";

    private static volatile TestInfrastructure instance;

    private final String kafkaBrokers;
    private final String postgresHost;
    private final int postgresPort;
    private final String adminJdbcUrl;
    private final String adminUser;
    private final String adminPassword;
    private final DevTokenIssuer tokens;
    private final Set<String> databases = new HashSet<>();

    private TestInfrastructure(String kafkaBrokers, String postgresHost, int postgresPort, String adminJdbcUrl,
            String adminUser, String adminPassword) {
        this.kafkaBrokers = kafkaBrokers;
        this.postgresHost = postgresHost;
        this.postgresPort = postgresPort;
        this.adminJdbcUrl = adminJdbcUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.tokens = DevTokenIssuer.start(0, null, DemoUser.standalone());
        execute("do $$ begin create role " + USER + " login superuser password '" + PASSWORD + "'; "
                + "exception when duplicate_object then null; end $$");
    }

    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = "containers".equals(System.getProperty("tijian.infra")) ? containers() : embedded();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static TestInfrastructure embedded() {
        var kafka = new EmbeddedKafkaKraftBroker(1, 2);
        kafka.afterPropertiesSet();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.destroy();
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
        }, "test-infrastructure-stop"));
        return new TestInfrastructure(kafka.getBrokersAsString(), "localhost", postgres.getPort(),
                postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static TestInfrastructure containers() {
        var kafka = new KafkaContainer("apache/kafka:4.1.2");
        var postgres = new PostgreSQLContainer("postgres:17");
        kafka.start();
        postgres.start();
        return new TestInfrastructure(kafka.getBootstrapServers(), postgres.getHost(), postgres.getFirstMappedPort(),
                postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    public String kafkaBrokers() {
        return kafkaBrokers;
    }

    public String postgresHost() {
        return postgresHost;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public DevTokenIssuer tokens() {
        return tokens;
    }

    /** Creates the database once per JVM (dropping a leftover of an earlier run) and returns its name. */
    public synchronized String database(String name) {
        if (databases.add(name)) {
            execute("drop database if exists " + name + " with (force)");
            // as the platform creates them (byte-order text: PostgresServer, docs/operations.md)
            execute("create database " + name + " owner " + USER + " template template0 lc_collate 'C'");
        }
        return name;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    /** Properties that point a Tijian service at this infrastructure. */
    /** The consumer group a service's {@code group} becomes in the test context of {@code database}. */
    public static String consumerGroup(String group, String database) {
        return group + "." + database;
    }

    public List<String> serviceProperties(String database) {
        return List.of(
                "tijian.kafka.brokers=" + kafkaBrokers,
                "tijian.kafka.partitions=2",
                "tijian.db.host=" + postgresHost,
                "tijian.db.port=" + postgresPort,
                "tijian.db.name=" + database(database),
                "tijian.db.user=" + USER,
                "tijian.db.password=" + PASSWORD,
                "tijian.security.issuer=" + tokens.issuer());
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, adminUser, adminPassword);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run on the test PostgreSQL: " + sql, e);
        }
    }
}
