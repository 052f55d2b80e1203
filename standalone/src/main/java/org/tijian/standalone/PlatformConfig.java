package org.tijian.standalone;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How to start the platform.
 *
 * @param dataDir where PostgreSQL, Kafka, the signing key and the logs are kept across restarts
 * @param portOffset added to every port (gateway 8080, services 8081-8084, issuer 8089,
 *     PostgreSQL 15432, Kafka 19092 and 19093)
 * @param servicesDir the folder holding the services' runnable jars ({@code <name>-<version>-exec.jar})
 * @param javaOptions JVM options of every child JVM (services and Kafka)
 * @param startupTimeout how long each part may take to become ready
 * @param services which services to start (all together; the gateway is listed last and stopped first)
 * @param serviceArguments extra command-line arguments of single services, e.g. a property a test shortens,
 *     added after the platform's own (which they must not repeat)
 * @param postgresSettings PostgreSQL server settings ({@code postgresql.conf} names), applied at every start over
 *     {@link #DEFAULT_POSTGRES_SETTINGS}
 */
public record PlatformConfig(Path dataDir, int portOffset, Path servicesDir, List<String> javaOptions,
        Duration startupTimeout, List<String> services, Map<String, List<String>> serviceArguments,
        Map<String, String> postgresSettings) {

    public static final Path DEFAULT_DATA_DIR = Path.of("tijian-data");
    public static final List<String> DEFAULT_JAVA_OPTIONS =
            List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(180);
    /**
     * Besides zonky's own ({@code synchronous_commit=off}): a cache larger than initdb's 128 MB, checkpoints far
     * enough apart that a year's import or replay is not mostly full-page images in the WAL, tables analyzed soon after
     * they fill (a replay's first minute otherwise ran on plans made for empty tables), and the statement
     * statistics an operator asks for first ({@code select * from pg_stat_statements}, in any of the databases).
     */
    public static final Map<String, String> DEFAULT_POSTGRES_SETTINGS = Map.of(
            "shared_buffers", "256MB",
            "max_wal_size", "4GB",
            "checkpoint_timeout", "15min",
            "autovacuum_naptime", "10s",
            "shared_preload_libraries", "pg_stat_statements");

    public PlatformConfig {
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        Ports.checkOffset(portOffset);
        servicesDir = Objects.requireNonNull(servicesDir, "servicesDir").toAbsolutePath().normalize();
        javaOptions = List.copyOf(javaOptions);
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        services = ServiceProcess.inStartOrder(services);
        serviceArguments = Objects.requireNonNull(serviceArguments, "serviceArguments").entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(entry -> ServiceProcess.checkKnown(entry.getKey()),
                        entry -> List.copyOf(entry.getValue())));
        Map<String, String> settings = new LinkedHashMap<>(DEFAULT_POSTGRES_SETTINGS);
        settings.putAll(Objects.requireNonNull(postgresSettings, "postgresSettings"));
        postgresSettings = Map.copyOf(settings);
    }

    public static PlatformConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder().dataDir(dataDir).portOffset(portOffset).servicesDir(servicesDir)
                .javaOptions(javaOptions).startupTimeout(startupTimeout).services(services);
        serviceArguments.forEach(builder::serviceArguments);
        postgresSettings.forEach(builder::postgresSetting);
        return builder;
    }

    /** A base port plus the offset. */
    public int port(int basePort) {
        return basePort + portOffset;
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    /**
     * The {@code services/} folder next to the launcher's jar (or next to {@code target/classes}
     * when run from an IDE or a test), where the build copies the services' jars.
     */
    static Path defaultServicesDir() {
        try {
            Path codeSource = Path.of(PlatformConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.toAbsolutePath().getParent().resolve("services");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("services");
        }
    }

    public static final class Builder {

        private Path dataDir = DEFAULT_DATA_DIR;
        private int portOffset;
        private Path servicesDir;
        private List<String> javaOptions = DEFAULT_JAVA_OPTIONS;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private List<String> services = ServiceProcess.NAMES;
        private final Map<String, List<String>> serviceArguments = new LinkedHashMap<>();
        private final Map<String, String> postgresSettings = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder portOffset(int portOffset) {
            this.portOffset = portOffset;
            return this;
        }

        public Builder servicesDir(Path servicesDir) {
            this.servicesDir = servicesDir;
            return this;
        }

        public Builder javaOptions(List<String> javaOptions) {
            this.javaOptions = javaOptions;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** Starts only these services (for tests of a part of the platform); none for just the infrastructure. */
        public Builder services(List<String> services) {
            this.services = services;
            return this;
        }

        /** Extra command-line arguments of one service, e.g. {@code --tijian.intake.abandoned-after=5s}. */
        public Builder serviceArguments(String service, List<String> arguments) {
            serviceArguments.put(service, arguments);
            return this;
        }

        /** A PostgreSQL server setting, e.g. {@code shared_buffers=2GB} for a province's data. */
        public Builder postgresSetting(String name, String value) {
            postgresSettings.put(name, value);
            return this;
        }

        public PlatformConfig build() {
            return new PlatformConfig(dataDir, portOffset, servicesDir != null ? servicesDir : defaultServicesDir(),
                    javaOptions, startupTimeout, services, serviceArguments, postgresSettings);
        }
    }
}
