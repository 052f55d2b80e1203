package org.tijian.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
}
