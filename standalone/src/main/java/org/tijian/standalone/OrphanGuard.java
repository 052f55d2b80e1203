package org.tijian.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure no child outlives its launcher, even one killed with SIGKILL (or a test JVM killed
 * by its build): one launcher per data folder (a file lock), leftovers of a launcher that died
 * are stopped at the next start, and a tiny {@code sh} watchdog, reading the launcher's pipe,
 * stops the children the moment that pipe closes without a clean stop.
 */
final class OrphanGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrphanGuard.class);

    // $1 is the data folder. Acts when its stdin, a pipe from the launcher, closes because the
    // launcher died (a clean stop kills the watchdog after stopping everything itself): services
    // and Kafka get SIGTERM, then SIGKILL after 20 s; PostgreSQL gets SIGINT (fast shutdown).
    private static final String WATCHDOG_SCRIPT = """
            read -r _
            cd "$1" || exit 0
            pids=""
            for f in run/*.pid; do [ -f "$f" ] && pids="$pids $(head -n 1 "$f")"; done
            [ -n "$pids" ] && kill $pids 2>/dev/null
            for p in $pids; do
              i=0
              while kill -0 "$p" 2>/dev/null && [ $i -lt 40 ]; do sleep 0.5; i=$((i+1)); done
              kill -9 "$p" 2>/dev/null
            done
            rm -f run/*.pid
            [ -f postgres/postmaster.pid ] && kill -INT "$(head -n 1 postgres/postmaster.pid)" 2>/dev/null
            exit 0
            """;

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Process watchdog;

    private OrphanGuard(FileChannel lockChannel, FileLock lock, Process watchdog) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.watchdog = watchdog;
    }

    static Path pidFile(Path dataDir, String name) {
        return dataDir.resolve("run").resolve(name + ".pid");
    }

    /** Locks the data folder, stops what an earlier launcher left running, and starts the watchdog. */
    static OrphanGuard acquire(Path dataDir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir.resolve("run"));
            channel = FileChannel.open(dataDir.resolve("run").resolve("launcher.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the data folder " + dataDir
                        + " is in use by another Tijian launcher; stop it or start with another --data-dir");
            }
            stopLeftovers(dataDir);
            return new OrphanGuard(channel, lock, startWatchdog(dataDir));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the data folder " + dataDir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** What a launcher that died left running: services and Kafka first, then PostgreSQL. */
    private static void stopLeftovers(Path dataDir) throws IOException {
        String marker = ChildProcess.DATA_DIR_MARKER + dataDir;
        Map<String, ProcessHandle> children = new LinkedHashMap<>();
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dataDir.resolve("run"), "*.pid")) {
            for (Path pidFile : pidFiles) {
                String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
                readPid(pidFile).flatMap(ProcessHandle::of)
                        .filter(p -> p.isAlive() && commandLine(p).contains(marker))
                        .ifPresent(p -> children.put(name, p));
                Files.deleteIfExists(pidFile);
            }
        }
        stop(children);
        Path postmasterPid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(postmasterPid)) {
            String postgresDir = dataDir.resolve("postgres").toString();
            readPid(postmasterPid).flatMap(ProcessHandle::of)
                    .filter(p -> p.isAlive() && commandLine(p).contains(postgresDir))
                    .ifPresent(p -> stop(Map.of("PostgreSQL", p)));
        }
    }

    private static void stop(Map<String, ProcessHandle> leftovers) {
        leftovers.forEach((name, process) -> {
            log.warn("stopping {} (pid {}), left running by an earlier launcher", name, process.pid());
            process.destroy();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle process : leftovers.values()) {
            // not our children, so no waitFor(): poll
            while (process.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static Process startWatchdog(Path dataDir) throws IOException {
        Path sh = Path.of("/bin/sh");
        if (!Files.isExecutable(sh)) {
            return null; // not on Windows; the lock and the leftover check still apply
        }
        // no pid file for the watchdog itself: it kills every process listed in run/
        List<String> command = ChildProcess.inOwnSession(
                List.of(sh.toString(), "-c", WATCHDOG_SCRIPT, "tijian-watchdog", dataDir.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.destroy();
            try {
                watchdog.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            lock.release();
        } catch (IOException e) {
            log.debug("cannot release the data folder lock", e);
        }
        closeQuietly(lockChannel);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
