package org.tijian.gateway;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each service owns its {@code /api/<service>/**} prefix, so paths pass through unchanged. The
 * caller's {@code Authorization} header is relayed as is: every service validates the token again.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    @Bean
    RouteLocator tijianRoutes(RouteLocatorBuilder routes, ServiceRoutes services) {
        RouteLocatorBuilder.Builder builder = routes.routes()
                .route("data-intake-service", r -> r.path("/api/intake/**").uri(services.intakeUri()))
                .route("evaluation-service", r -> r.path("/api/evaluation/**").uri(services.evaluationUri()))
                .route("ledger-service", r -> r.path("/api/ledger/**").uri(services.ledgerUri()))
                .route("project-library-service", r -> r.path("/api/projects/**").uri(services.projectsUri()));
        if (services.devIssuerUri() != null) {
            builder.route("dev-token-issuer", r -> r.path("/auth/users", "/auth/token")
                    .filters(f -> f.rewritePath("/auth/(?<rest>.*)", "/${rest}"))
                    .uri(services.devIssuerUri()));
        }
        return builder.build();
    }
}
