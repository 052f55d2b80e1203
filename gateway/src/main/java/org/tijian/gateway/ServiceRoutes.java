package org.tijian.gateway;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service answers; Compose and Kubernetes set these by environment variables.
 *
 * @param devIssuerUri standalone mode's development token issuer, reachable at {@code /auth/**}
 *     (users and token) so the console can sign in; unset in production, where the route does not exist
 */
@ConfigurationProperties("tijian.gateway")
public record ServiceRoutes(URI intakeUri, URI evaluationUri, URI ledgerUri, URI projectsUri, URI devIssuerUri) {
}
