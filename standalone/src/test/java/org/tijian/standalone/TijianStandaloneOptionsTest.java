package org.tijian.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tijian.standalone.TijianStandalone.Options;

class TijianStandaloneOptionsTest {

    @Test
    void noArgumentsMeanTheDefaults() {
        Options options = Options.parse();

        assertEquals(Path.of("tijian-data"), options.dataDir());
        assertEquals(0, options.portOffset());
        assertFalse(options.demo());
        assertFalse(options.help());
    }

    @Test
    void everyOptionIsRead() {
        Options options = Options.parse("--data-dir=/var/tmp/t", "--port-offset=100", "--demo");

        assertEquals(Path.of("/var/tmp/t"), options.dataDir());
        assertEquals(100, options.portOffset());
        assertTrue(options.demo());
    }

    @Test
    void helpIsRecognised() {
        assertTrue(Options.parse("--help").help());
    }

    @Test
    void anUnknownArgumentIsRejectedByName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("--demo", "--verbose"));

        assertEquals("unknown argument: --verbose", error.getMessage());
    }

    @Test
    void aPortOffsetMustBeAWholeNumberInRange() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--port-offset=ten"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--port-offset=-1"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--port-offset=50000"));
    }

    @Test
    void anEmptyDataDirIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--data-dir="));
    }

    @Test
    void theUsageNamesEveryOption() {
        String usage = TijianStandalone.usage();

        for (String option : new String[] {"--data-dir=PATH", "--port-offset=N", "--demo", "--help"}) {
            assertTrue(usage.contains(option), option);
        }
    }
}
