package org.tijian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ComposeConfigTest {

    @Test
    void composeFileIsValidForDockerCompose() {
        Commands.run(Commands.ROOT, "docker-compose", "-f", "docker-compose.yml", "config", "-q");
    }

    @Test
    void everyFileTheComposeFileMountsIsInTheRepository() {
        String resolved = Commands.run(Commands.ROOT, "docker-compose", "-f", "docker-compose.yml", "config");
        var mounts = Pattern.compile("(" + Pattern.quote(Commands.ROOT.toString()) + "/[^\\s:]+)").matcher(resolved);
        int count = 0;
        while (mounts.find()) {
            count++;
            assertThat(Files.exists(java.nio.file.Path.of(mounts.group(1)))).as(mounts.group(1)).isTrue();
        }
        assertThat(count).as("bind mounts: the realm, Prometheus's files, Grafana's provisioning").isGreaterThanOrEqualTo(6);
        assertThat(resolved).contains("tijian-realm.json", "alerts.yml", "dashboards", "service_healthy");
    }
}
