package org.tijian.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformConfigTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        PlatformConfig config = PlatformConfig.defaults();

        assertEquals(Path.of("tijian-data").toAbsolutePath(), config.dataDir());
        assertEquals(0, config.portOffset());
        assertEquals(List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"),
                config.javaOptions());
        assertEquals(Duration.ofSeconds(180), config.startupTimeout());
        assertEquals(ServiceProcess.NAMES, config.services());
    }

    @Test
    void servicesStartInPlatformOrderWhateverOrderTheyAreGivenIn() {
        PlatformConfig config = PlatformConfig.builder()
                .services(List.of("gateway", "ledger-service", "data-intake-service")).build();

        assertEquals(List.of("data-intake-service", "ledger-service", "gateway"), config.services());
    }

    @Test
    void anUnknownServiceIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PlatformConfig.builder().services(List.of("billing-service")).build());
    }

    @Test
    void theServicesJarsAreNamedByVersion() {
        assertEquals(Path.of("/s/ledger-service-" + Platform.VERSION + "-exec.jar"),
                ServiceProcess.jar(Path.of("/s"), "ledger-service"));
    }
}
