package org.tijian.gateway;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where each service answers; Compose and Kubernetes set these by environment variables. */
@ConfigurationProperties("tijian.gateway")
public record ServiceRoutes(URI intakeUri, URI evaluationUri, URI ledgerUri, URI projectsUri) {
}
