package org.tijian.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where each service answers and how long and how much the gateway waits for and accepts from it.
 * Compose and Kubernetes set these by environment variables.
 *
 * @param devIssuerUri standalone mode's development token issuer, reachable at {@code /auth/**}
 *     (users and token) so the console can sign in; unset in production, where the route does not exist
 * @param uploadTimeout the intake route's time limit: a large department file takes minutes to stream
 * @param timeout every other route's time limit
 * @param uploadLimit the largest body the intake and evaluation routes accept (departments' files, area trees)
 * @param requestLimit the largest body any other route accepts
 * @param consoleOrigins origins allowed to call the APIs from a browser (CORS) besides the gateway's own;
 *     empty when the console is served by the gateway itself
 */
@ConfigurationProperties("tijian.gateway")
public record ServiceRoutes(
        URI intakeUri,
        URI evaluationUri,
        URI ledgerUri,
        URI projectsUri,
        URI devIssuerUri,
        @DefaultValue("PT5M") Duration uploadTimeout,
        @DefaultValue("PT15S") Duration timeout,
        @DefaultValue("200MB") DataSize uploadLimit,
        @DefaultValue("2MB") DataSize requestLimit,
        @DefaultValue List<String> consoleOrigins) {

    /** The four services, each with the prefix it owns and a name users understand. */
    public List<Service> services() {
        return List.of(
                new Service("data-intake-service", "/api/intake", "数据报送服务", intakeUri, uploadTimeout, uploadLimit),
                // evaluation takes files too: a province's area tree, indicator systems
                new Service("evaluation-service", "/api/evaluation", "指标评价服务", evaluationUri, timeout, uploadLimit),
                new Service("ledger-service", "/api/ledger", "问题台账服务", ledgerUri, timeout, requestLimit),
                new Service("project-library-service", "/api/projects", "项目库服务", projectsUri, timeout, requestLimit));
    }

    public Service service(String id) {
        return services().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + id));
    }

    public record Service(String id, String prefix, String nameZh, URI uri, Duration timeout, DataSize bodyLimit) {
    }
}
