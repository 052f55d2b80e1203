package org.tijian.standalone;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process of the launcher (Kafka or a service), its output appended to a log file and
 * its pid kept in {@code <data>/run/<name>.pid} so that {@link OrphanGuard} can find it if the
 * launcher dies without stopping it.
 */
final class ChildProcess {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);

    /** Added to every child's command line so a leftover can be told from an unrelated process. */
    static final String DATA_DIR_MARKER = "-Dtijian.data=";

    private static final String SETSID = findSetsid();
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /** Starts a JVM: {@code java <javaOptions> -Dtijian.data=<dataDir> <arguments>}. */
    static ChildProcess startJvm(String name, List<String> javaOptions, List<String> arguments, Path dataDir,
            Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(javaOptions);
        command.add(DATA_DIR_MARKER + dataDir);
        command.addAll(arguments);
        return start(name, command, dataDir, logFile);
    }

    static ChildProcess start(String name, List<String> command, Path dataDir, Path logFile) {
        List<String> full = inOwnSession(command);
        try {
            markStart(logFile, name);
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            Path pidFile = OrphanGuard.pidFile(dataDir, name);
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, process.pid() + System.lineSeparator());
            return new ChildProcess(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", full), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    Path logFile() {
        return logFile;
    }

    /** Waits for the process to end by itself; false if it did not within the timeout. */
    boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the process to stop (SIGTERM) without waiting; see {@link #awaitStop}. */
    void requestStop() {
        process.destroy();
    }

    /** Waits up to {@code grace} for the process to end after {@link #requestStop}, then kills it; logs one line. */
    void awaitStop(Duration grace, long requestedAtNanos) {
        boolean exited = waitFor(grace);
        if (!exited) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        deletePidFile();
        double seconds = (System.nanoTime() - requestedAtNanos) / 1e9;
        log.info("stopped {} (pid {}) in {}{}", name, pid(), String.format("%.1f s", seconds),
                exited ? "" : ", killed after " + grace.toSeconds() + " s");
    }

    /** Ends the process at once (SIGKILL) and waits until it is gone; logs one line. */
    void kill() {
        long requestedAt = System.nanoTime();
        process.destroyForcibly();
        if (!waitFor(KILL_WAIT)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") still runs " + KILL_WAIT.toSeconds()
                    + " s after SIGKILL");
        }
        deletePidFile();
        log.info("killed {} (pid {}) in {}", name, pid(), String.format("%.1f s", (System.nanoTime() - requestedAt) / 1e9));
    }

    void stop(Duration grace) {
        long requestedAt = System.nanoTime();
        requestStop();
        awaitStop(grace, requestedAt);
    }

    /** The last lines this run wrote to its log, for error messages. */
    String logTail(int lines) {
        return tailSinceStart(logFile, name, lines);
    }

    /** Logs are appended to at every start; a marker line tells the runs apart. */
    static void markStart(Path logFile, String name) throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, startMarker(name) + Instant.now() + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The last lines of a log, none from before the last start of {@code name}. */
    static String tailSinceStart(Path logFile, String name, int lines) {
        return tail(logFile, lines, startMarker(name));
    }

    private static String startMarker(String name) {
        return "----- Tijian launcher: " + name + " starting at ";
    }

    void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.debug("cannot delete {}", pidFile, e);
        }
    }

    /** The last lines of a file, none from before the last line that starts with {@code since}. */
    static String tail(Path file, int lines, String since) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int chunk = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[chunk];
            in.seek(length - chunk);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            int from = Math.max(0, all.size() - lines);
            for (int i = all.size() - 1; since != null && i >= from; i--) {
                if (all.get(i).startsWith(since)) {
                    from = i + 1;
                    break;
                }
            }
            return String.join(System.lineSeparator(), all.subList(from, all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /**
     * The command run in its own session where {@code setsid} exists, so that Ctrl-C in the
     * terminal reaches only the launcher, which then stops the children in order (services
     * before Kafka before PostgreSQL) instead of all of them at once.
     */
    static List<String> inOwnSession(List<String> command) {
        List<String> full = new ArrayList<>();
        if (SETSID != null) {
            full.add(SETSID);
        }
        full.addAll(command);
        return full;
    }

    static String javaExecutable() {
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    private static String findSetsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
