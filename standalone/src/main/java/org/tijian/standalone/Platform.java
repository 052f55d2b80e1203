package org.tijian.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tijian.kit.security.dev.DemoUser;
import org.tijian.kit.security.dev.DevTokenIssuer;

/**
 * The whole platform on this machine: PostgreSQL, Kafka, the token issuer, the four services and
 * the gateway, with everything kept under {@link PlatformConfig#dataDir()}. Start it with
 * {@link #start}, stop it with {@link #close}; starting again on the same data folder finds the
 * same data. A JVM shutdown hook stops it too, so an exiting JVM leaves no child behind.
 */
public final class Platform implements AutoCloseable {

    /** This build's version, which also names the services' jars. */
    public static final String VERSION = readVersion();

    private static final Logger log = LoggerFactory.getLogger(Platform.class);
    /** How long {@link #close} waits for a startup in progress to notice and give up. */
    private static final Duration STARTUP_ABORT_WAIT = Duration.ofSeconds(90);
    private static final long POLL_MILLIS = 500;

    private final PlatformConfig config;
    private final CountDownLatch startupEnded = new CountDownLatch(1);
    private final Object closeLock = new Object();
    private final Map<String, ServiceProcess> services = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Thread shutdownHook = new Thread(this::close, "tijian-platform-stop");
    private volatile boolean closing;
    private boolean closed;
    private volatile OrphanGuard guard;
    private volatile PostgresServer postgres;
    private volatile KafkaServer kafka;
    private volatile DevTokenIssuer issuer;
    private volatile Duration startupTime;

    private Platform(PlatformConfig config) {
        this.config = config;
    }

    /**
     * Starts every part in order and returns when every service reports UP.
     *
     * @throws Ports.PortInUseException if a port is taken (nothing was started)
     * @throws PlatformStartException naming the part that did not start and quoting its log;
     *     what had started is stopped again
     */
    public static Platform start(PlatformConfig config) {
        Platform platform = new Platform(config);
        platform.startAll();
        return platform;
    }

    private void startAll() {
        long started = System.nanoTime();
        RuntimeException failure = null;
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            Files.createDirectories(config.logsDir());
            guard = OrphanGuard.acquire(config.dataDir());
            Ports.checkFree(config.portOffset());
            ServiceProcess.checkJarsExist(config);

            postgres = PostgresServer.start(config.dataDir().resolve("postgres"), config.port(Ports.POSTGRES),
                    config.logsDir().resolve("postgres.log"), config.postgresSettings());
            checkNotClosing();
            kafka = KafkaServer.start(config.dataDir(), config.port(Ports.KAFKA), config.port(Ports.KAFKA_CONTROLLER),
                    config.javaOptions(), config.startupTimeout(), () -> closing);
            checkNotClosing();
            issuer = DevTokenIssuer.start(config.port(Ports.ISSUER),
                    config.dataDir().resolve("keys").resolve("dev-issuer.jwk.json"), DemoUser.standalone());
            log.info("token issuer at {}", issuer.issuer());

            // Independent of each other (the gateway resolves its routes per request): started together.
            startAndAwait(config.services());
            startupTime = Duration.ofNanos(System.nanoTime() - started);
        } catch (IOException e) {
            failure = new UncheckedIOException("cannot prepare the data folder " + config.dataDir(), e);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            startupEnded.countDown();
        }
        if (failure != null) {
            close();
            throw failure;
        }
    }

    private void startAndAwait(List<String> names) {
        Map<String, ServiceProcess> starting = new LinkedHashMap<>();
        for (String name : names) {
            ServiceProcess service = ServiceProcess.start(name, config.port(ServiceProcess.basePort(name)), config,
                    arguments(name));
            services.put(name, service);
            starting.put(name, service);
        }
        long since = System.nanoTime();
        Instant deadline = Instant.now().plus(config.startupTimeout());
        while (!starting.isEmpty()) {
            checkNotClosing();
            for (Iterator<ServiceProcess> pending = starting.values().iterator(); pending.hasNext(); ) {
                ServiceProcess service = pending.next();
                if (!service.isAlive()) {
                    throw new PlatformStartException(service.failure(service.exitDescription()));
                }
                if (service.isHealthy()) {
                    log.info("{} up at {} (pid {}) in {}", service.name(), service.url(), service.pid(),
                            seconds(System.nanoTime() - since));
                    pending.remove();
                }
            }
            if (!starting.isEmpty() && Instant.now().isAfter(deadline)) {
                ServiceProcess late = starting.values().iterator().next();
                throw new PlatformStartException(late.failure("did not report UP at " + late.url()
                        + "/actuator/health within " + config.startupTimeout().toSeconds() + " s"));
            }
            if (!starting.isEmpty()) {
                pause();
            }
        }
    }

    /**
     * Kills a running service at once (SIGKILL), as a crash would: no shutdown hook, no graceful stop, its
     * transactions and connections cut off. Returns when the process is gone; see {@link #restart}.
     */
    public void kill(String name) {
        service(name).kill();
    }

    /**
     * Stops a running service as {@link #close} would (its consumers leave their groups, so that another member
     * takes their partitions at once instead of after the session timeout). Returns when the process is gone.
     */
    public void stop(String name) {
        ServiceProcess service = service(name);
        if (service.isAlive()) {
            long requested = System.nanoTime();
            service.requestStop();
            service.awaitStop(requested);
        }
    }

    /**
     * Starts a service again with the same arguments, after {@link #kill} or {@link #stop} or, if it still runs,
     * after stopping it, and returns when it reports UP.
     *
     * @throws PlatformStartException if it does not come up; the rest of the platform keeps running
     */
    public void restart(String name) {
        stop(name);
        startAndAwait(List.of(name));
    }

    private ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException(name + " is not part of this platform; it runs " + services.keySet());
        }
        return service;
    }

    /** Command-line arguments of a service: where Kafka, PostgreSQL and the issuer are, then its own extra ones. */
    List<String> arguments(String name) {
        List<String> arguments = new ArrayList<>(List.of(
                "--tijian.kafka.brokers=" + kafkaBootstrapServers(),
                "--tijian.db.host=localhost",
                "--tijian.db.port=" + config.port(Ports.POSTGRES),
                "--tijian.db.user=" + PostgresServer.USER,
                "--tijian.db.password=" + PostgresServer.PASSWORD,
                "--tijian.security.issuer=" + issuerUrl(),
                "--tijian.security.api-key-issuer=" + gatewayUrl() + "/auth/api-keys"));
        if (ServiceProcess.GATEWAY.equals(name)) {
            arguments.add("--tijian.gateway.intake-uri=" + serviceUrl("data-intake-service"));
            arguments.add("--tijian.gateway.evaluation-uri=" + serviceUrl("evaluation-service"));
            arguments.add("--tijian.gateway.ledger-uri=" + serviceUrl("ledger-service"));
            arguments.add("--tijian.gateway.projects-uri=" + serviceUrl("project-library-service"));
            arguments.add("--tijian.gateway.dev-issuer-uri=" + issuerUrl());
        }
        arguments.addAll(config.serviceArguments().getOrDefault(name, List.of()));
        return arguments;
    }

    public PlatformConfig config() {
        return config;
    }

    public String gatewayUrl() {
        return serviceUrl(ServiceProcess.GATEWAY);
    }

    /** {@code http://localhost:<port>} of a service by name, e.g. {@code ledger-service}. */
    public String serviceUrl(String name) {
        if (!ServiceProcess.NAMES.contains(name)) {
            throw new IllegalArgumentException("no service " + name + "; known: " + ServiceProcess.NAMES);
        }
        return "http://localhost:" + config.port(ServiceProcess.basePort(name));
    }

    /** The running token issuer: its URL, its demo users, tokens (also expired or foreign ones for tests). */
    public DevTokenIssuer issuer() {
        return issuer;
    }

    public String issuerUrl() {
        return "http://localhost:" + config.port(Ports.ISSUER);
    }

    /** A signed access token for a demo user, e.g. {@code water-dept}. */
    public String tokenFor(String username) {
        return issuer.tokenFor(username);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + config.port(Ports.KAFKA);
    }

    /** JDBC URL of one of the platform's databases (user and password {@code tijian}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + config.port(Ports.POSTGRES) + "/" + database;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    public Path logsDir() {
        return config.logsDir();
    }

    /** From the call to {@link #start} until every service was UP. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Stops the gateway, then the services (SIGTERM, killed after 20 s), Kafka, PostgreSQL and the
     * issuer, one log line each. Safe to call more than once and from any thread; a startup in
     * progress gives up first.
     */
    @Override
    public void close() {
        closing = true;
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            awaitStartupEnd();
            stopServices();
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            if (issuer != null) {
                issuer.close();
                log.info("stopped token issuer");
            }
            if (guard != null) {
                guard.close();
            }
            removeShutdownHook();
        }
    }

    private void stopServices() {
        List<ServiceProcess> running;
        synchronized (services) {
            running = new ArrayList<>(services.values());
        }
        ServiceProcess gateway = services.get(ServiceProcess.GATEWAY);
        if (gateway != null) {
            running.remove(gateway);
            long requested = System.nanoTime();
            gateway.requestStop();
            gateway.awaitStop(requested);
        }
        long requested = System.nanoTime();
        running.forEach(ServiceProcess::requestStop);
        running.forEach(service -> service.awaitStop(requested));
    }

    private void awaitStartupEnd() {
        try {
            if (!startupEnded.await(STARTUP_ABORT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("startup did not give up in time; stopping what has started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    private void checkNotClosing() {
        if (closing) {
            throw new PlatformStartException("startup cancelled: the platform is being stopped");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartException("interrupted during startup");
        }
    }

    static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    private static String readVersion() {
        try (InputStream in = Platform.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
