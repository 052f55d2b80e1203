package org.tijian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromtoolTest {

    private static final Path PROMETHEUS = Commands.ROOT.resolve("deploy/prometheus");

    @Test
    void alertRulesAreValid() {
        assertThat(Commands.run(PROMETHEUS, "promtool", "check", "rules", "alerts.yml")).contains("SUCCESS: 6 rules found");
    }

    /** Fires the DLQ, lag, outbox, service-down and overdue alerts on recorded series (alerts-test.yml). */
    @Test
    void alertsFireOnRecordedSeries() {
        assertThat(Commands.run(PROMETHEUS, "promtool", "test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    @Test
    void composePrometheusConfigurationIsValid(@TempDir Path folder) throws IOException {
        String config = Files.readString(PROMETHEUS.resolve("prometheus.yml"))
                .replace("/etc/prometheus/alerts.yml", PROMETHEUS.resolve("alerts.yml").toString())
                .replace("/etc/prometheus/secrets/client-secret", PROMETHEUS.resolve("client-secret").toString());
        Files.writeString(folder.resolve("prometheus.yml"), config);
        Commands.run(folder, "promtool", "check", "config", "prometheus.yml");
    }
}
