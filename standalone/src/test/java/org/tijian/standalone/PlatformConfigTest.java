package org.tijian.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        assertEquals(Map.of(), config.serviceArguments());
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
    void aServiceCanBeGivenArgumentsOfItsOwnWhichACopyKeeps() {
        PlatformConfig config = PlatformConfig.builder()
                .serviceArguments("data-intake-service", List.of("--tijian.intake.abandoned-after=5s")).build();

        assertEquals(Map.of("data-intake-service", List.of("--tijian.intake.abandoned-after=5s")),
                config.serviceArguments());
        assertEquals(config, config.toBuilder().build());
    }

    @Test
    void argumentsForAnUnknownServiceAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PlatformConfig.builder().serviceArguments("billing-service", List.of("--x=1")).build());
    }

    @Test
    void theServicesJarsAreNamedByVersion() {
        assertEquals(Path.of("/s/ledger-service-" + Platform.VERSION + "-exec.jar"),
                ServiceProcess.jar(Path.of("/s"), "ledger-service"));
    }
}
