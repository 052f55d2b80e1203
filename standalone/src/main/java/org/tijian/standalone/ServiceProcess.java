package org.tijian.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One Tijian service (or the gateway) as a child JVM running its Spring Boot jar. */
final class ServiceProcess {

    static final String GATEWAY = "gateway";
    /** Every service in start order: the four independent ones, then the gateway in front of them. */
    static final List<String> NAMES = List.of("data-intake-service", "evaluation-service", "ledger-service",
            "project-library-service", GATEWAY);
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private static final Map<String, Integer> BASE_PORTS = Map.of(
            "data-intake-service", Ports.DATA_INTAKE,
            "evaluation-service", Ports.EVALUATION,
            "ledger-service", Ports.LEDGER,
            "project-library-service", Ports.PROJECT_LIBRARY,
            GATEWAY, Ports.GATEWAY);
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ChildProcess process;
    private final int port;

    private ServiceProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static int basePort(String name) {
        return BASE_PORTS.get(name);
    }

    static List<String> inStartOrder(List<String> names) {
        names.forEach(ServiceProcess::checkKnown);
        return NAMES.stream().filter(names::contains).toList();
    }

    static String checkKnown(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown service " + name + "; known: " + NAMES);
        }
        return name;
    }

    static Path jar(Path servicesDir, String name) {
        return servicesDir.resolve(name + "-" + Platform.VERSION + "-exec.jar");
    }

    /** Fails before anything starts if a service's jar is missing. */
    static void checkJarsExist(PlatformConfig config) {
        for (String name : config.services()) {
            Path jar = jar(config.servicesDir(), name);
            if (!Files.isRegularFile(jar)) {
                throw new PlatformStartException("cannot start " + name + ": " + jar + " does not exist; build the"
                        + " services first (./mvnw -DskipTests package) or point servicesDir at their jars");
            }
        }
    }

    static ServiceProcess start(String name, int port, PlatformConfig config, List<String> arguments) {
        Path jar = jar(config.servicesDir(), name);
        List<String> command = new ArrayList<>();
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        Path logFile = config.logsDir().resolve(name + ".log");
        return new ServiceProcess(ChildProcess.startJvm(name, config.javaOptions(), command, config.dataDir(), logFile),
                port);
    }

    String name() {
        return process.name();
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** HTTP 200 with status UP from {@code /actuator/health}, which needs no token. */
    boolean isHealthy() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String failure(String what) {
        return name() + " " + what + "; last 40 lines of " + process.logFile() + ":" + System.lineSeparator()
                + process.logTail(40);
    }

    String exitDescription() {
        return "exited during startup (exit code " + process.exitValue() + ")";
    }

    void requestStop() {
        process.requestStop();
    }

    void kill() {
        process.kill();
    }

    void awaitStop(long requestedAtNanos) {
        process.awaitStop(STOP_GRACE, requestedAtNanos);
    }
}
