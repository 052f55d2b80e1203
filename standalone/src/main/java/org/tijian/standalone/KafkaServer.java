package org.tijian.standalone;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker in KRaft combined mode (broker and controller in one JVM), run as a child JVM
 * on the launcher's own classpath, its data kept in {@code <data>/kafka/data}.
 */
final class KafkaServer implements AutoCloseable {

    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** Logback configuration of the child, a resource of this module. */
    static final String LOG_CONFIG = "tijian-kafka-logback.xml";

    private static final Logger log = LoggerFactory.getLogger(KafkaServer.class);

    private final ChildProcess process;
    private final int port;

    private KafkaServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Writes {@code server.properties}, formats the storage on the first start, starts the
     * broker and waits until it answers.
     *
     * @param cancelled polled while waiting; true gives up (the platform is being stopped)
     */
    static KafkaServer start(Path dataDir, int port, int controllerPort, List<String> javaOptions, Duration timeout,
            BooleanSupplier cancelled) {
        long started = System.nanoTime();
        Path kafkaDir = dataDir.resolve("kafka");
        Path logFile = dataDir.resolve("logs").resolve("kafka.log");
        Path properties = kafkaDir.resolve("server.properties");
        Path storage = kafkaDir.resolve("data");
        try {
            Files.createDirectories(kafkaDir);
            Files.writeString(properties, serverProperties(storage, port, controllerPort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + properties, e);
        }
        List<String> jvm = new ArrayList<>(javaOptions);
        jvm.add("-Dlogback.configurationFile=" + LOG_CONFIG);
        jvm.add("-cp");
        jvm.add(childClasspath());

        boolean formatted = Files.exists(storage.resolve("meta.properties"));
        if (!formatted) {
            format(dataDir, jvm, properties, logFile, timeout);
        }
        ChildProcess process = ChildProcess.startJvm("kafka", jvm, List.of("kafka.Kafka", properties.toString()),
                dataDir, logFile);
        KafkaServer server = new KafkaServer(process, port);
        try {
            server.awaitReady(Instant.now().plus(timeout), cancelled);
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(10));
            throw e;
        }
        log.info("Kafka on port {} ({} storage in {}, pid {}) in {}", port, formatted ? "existing" : "new", storage,
                process.pid(), String.format("%.1f s", (System.nanoTime() - started) / 1e9));
        return server;
    }

    /**
     * One node, both roles, replication factor 1 everywhere; the storage lives in {@code logDirs}.
     * The voter set is static ({@code controller.quorum.voters}), so {@code StorageTool format}
     * needs no {@code --standalone}; that flag is for a dynamic quorum
     * ({@code controller.quorum.bootstrap.servers}), which one fixed node does not need.
     */
    static String serverProperties(Path logDirs, int port, int controllerPort) {
        return String.join("\n",
                "# Written by the Tijian standalone launcher at every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + escape(logDirs.toAbsolutePath().toString()),
                "num.partitions=6",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }

    private static void format(Path dataDir, List<String> jvm, Path properties, Path logFile, Duration timeout) {
        List<String> arguments = List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString());
        ChildProcess format = ChildProcess.startJvm("kafka-format", jvm, arguments, dataDir, logFile);
        boolean ended = format.waitFor(timeout);
        format.deletePidFile();
        if (!ended) {
            format.stop(Duration.ofSeconds(5));
            throw new PlatformStartException("formatting the Kafka storage took longer than " + timeout.toSeconds()
                    + " s; last lines of " + logFile + ":" + System.lineSeparator() + format.logTail(40));
        }
        if (format.exitValue() != 0) {
            throw new PlatformStartException("formatting the Kafka storage failed (exit code " + format.exitValue()
                    + "); last lines of " + logFile + ":" + System.lineSeparator() + format.logTail(40));
        }
    }

    private void awaitReady(Instant deadline, BooleanSupplier cancelled) {
        while (!acceptsConnections()) {
            checkStillStarting(deadline, cancelled);
            sleep(200);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "tijian-standalone-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Kafka", e);
                    }
                    log.debug("Kafka not ready yet: {}", e.getMessage());
                }
                checkStillStarting(deadline, cancelled);
                sleep(200);
            }
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void checkStillStarting(Instant deadline, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new PlatformStartException("startup cancelled while waiting for Kafka");
        }
        if (!process.isAlive()) {
            throw new PlatformStartException("Kafka exited during startup (exit code " + process.exitValue()
                    + "); last 40 lines of " + process.logFile() + ":" + System.lineSeparator() + process.logTail(40));
        }
        if (Instant.now().isAfter(deadline)) {
            throw new PlatformStartException("Kafka did not answer on port " + port + " in time; last 40 lines of "
                    + process.logFile() + ":" + System.lineSeparator() + process.logTail(40));
        }
    }

    /**
     * The launcher's classpath, spelled out: {@code java -jar tijian-standalone.jar} has only the
     * jar on {@code java.class.path} and its {@code lib/} jars in the manifest's Class-Path; so
     * does Surefire's booter jar, which is left out once expanded (the JVM would follow its
     * Class-Path again). Other SLF4J bindings and the log4j-to-slf4j bridge that a test
     * classpath may hold are left out too, so the broker logs through Logback alone.
     */
    static String childClasspath() {
        Set<Path> entries = new LinkedHashSet<>();
        Set<Path> manifestOnly = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                expand(Path.of(entry).toAbsolutePath().normalize(), entries, manifestOnly);
            }
        }
        List<String> kept = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.exists(entry) && !manifestOnly.contains(entry)
                    && !isForeignLoggingBinding(entry.getFileName().toString())) {
                kept.add(entry.toString());
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    static boolean isForeignLoggingBinding(String fileName) {
        return fileName.startsWith("log4j-slf4j") || fileName.startsWith("log4j-to-slf4j")
                || fileName.startsWith("slf4j-reload4j") || fileName.startsWith("slf4j-simple")
                || fileName.startsWith("slf4j-jdk14") || fileName.startsWith("slf4j-nop");
    }

    private static void expand(Path entry, Set<Path> entries, Set<Path> manifestOnly) {
        if (!entries.add(entry) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return;
            }
            if (jar.stream().noneMatch(e -> e.getName().endsWith(".class"))) {
                manifestOnly.add(entry);
            }
            URI base = entry.toUri();
            for (String relative : classPath.trim().split("\\s+")) {
                URI resolved = base.resolve(relative);
                if ("file".equals(resolved.getScheme())) {
                    expand(Path.of(resolved).toAbsolutePath().normalize(), entries, manifestOnly);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            log.debug("cannot read the manifest of {}", entry, e);
        }
    }

    /** Backslashes are escapes in a properties file (Windows paths). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartException("interrupted during startup");
        }
    }
}
