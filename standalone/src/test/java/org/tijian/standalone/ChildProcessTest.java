package org.tijian.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void anErrorQuotesOnlyTheLatestRunOfAnAppendedLog() throws IOException {
        Path log = dir.resolve("logs").resolve("ledger-service.log");
        ChildProcess.markStart(log, "ledger-service");
        Files.writeString(log, "old run\n", StandardOpenOption.APPEND);
        ChildProcess.markStart(log, "ledger-service");
        Files.writeString(log, "line 1\nline 2\nline 3\n", StandardOpenOption.APPEND);

        assertEquals(String.join(System.lineSeparator(), "line 1", "line 2", "line 3"),
                ChildProcess.tailSinceStart(log, "ledger-service", 40));
        assertEquals(String.join(System.lineSeparator(), "line 2", "line 3"),
                ChildProcess.tailSinceStart(log, "ledger-service", 2));
    }

    /** A JVM whose shutdown hook never ends: a graceful stop would wait for it, a kill does not run it. */
    @Test
    void killEndsAJvmAtOnceWithoutItsShutdownHooks() throws IOException {
        Path program = Files.writeString(dir.resolve("Hang.java"), """
                public class Hang {
                    public static void main(String[] args) throws InterruptedException {
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            System.out.println("shutdown hook ran");
                            try {
                                new java.util.concurrent.CountDownLatch(1).await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }));
                        System.out.println("ready");
                        new java.util.concurrent.CountDownLatch(1).await();
                    }
                }
                """);
        Path log = dir.resolve("logs").resolve("hang.log");
        ChildProcess hang = ChildProcess.startJvm("hang", List.of(), List.of(program.toString()), dir, log);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("ready"));

            hang.kill();
        } finally {
            ProcessHandle.of(hang.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }

        assertFalse(hang.isAlive());
        assertFalse(Files.exists(OrphanGuard.pidFile(dir, "hang")));
        String output = Files.readString(log);
        assertTrue(output.contains("ready"), output);
        assertFalse(output.contains("shutdown hook ran"), output);
    }
}
