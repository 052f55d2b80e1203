package org.tijian.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tijian.standalone.PlatformConfig;

/** The standalone platform as the end-to-end tests run it: the services' jars from the build, a fresh data folder. */
final class TestPlatforms {

    /**
     * @param portOffsetProperty a system property that can move this test's ports, so end-to-end classes (and a
     *     platform a developer left running) never share one
     */
    static PlatformConfig freshConfig(String name, String portOffsetProperty, int defaultPortOffset) throws IOException {
        return PlatformConfig.builder()
                .dataDir(Files.createTempDirectory("tijian-" + name + "-"))
                .portOffset(Integer.getInteger(portOffsetProperty, defaultPortOffset))
                .servicesDir(Path.of(System.getProperty("tijian.services.dir", "target/services")))
                .build();
    }

    private TestPlatforms() {
    }
}
