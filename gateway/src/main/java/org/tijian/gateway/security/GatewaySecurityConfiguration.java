package org.tijian.gateway.security;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.tijian.gateway.apikey.ApiKeyTokenService;
import org.tijian.gateway.routing.ServiceRoutes;
import org.tijian.kit.security.ProblemJsonSecurityHandlers;
import org.tijian.kit.security.TijianSecurityConfiguration;
import org.tijian.kit.security.TrustedIssuers;
import reactor.core.publisher.Mono;

/**
 * The gateway checks every API call's token before routing it (services check it again). Open
 * without a token: health, the web console's static files, the API documentation, standalone mode's
 * sign-in ({@code /auth/users}, {@code /auth/token}) and the API-key exchange. A token signed by the
 * gateway for an API key is refused as soon as that key is revoked.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ProblemJsonSecurityHandlers handlers,
            TrustedIssuers issuers, ApiKeyTokenService apiKeyTokens, ServiceRoutes routes) {
        Map<String, ReactiveAuthenticationManager> gatewayOwn = issuers.acceptsApiKeyTokens()
                ? Map.of(issuers.apiKeyIssuer(), revocationAware(apiKeyTokens))
                : Map.of();
        return TijianSecurityConfiguration.resourceServer(http, handlers, issuers.resolver(gatewayOwn))
                .cors(cors -> cors.configurationSource(corsFor(routes.consoleOrigins())))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/", "/console", "/console/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/api-docs", "/swagger-ui.html", "/swagger-ui/**",
                                "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.GET, TijianSecurityConfiguration.OPENAPI_PATHS).permitAll()
                        .pathMatchers("/auth/users", "/auth/token", "/auth/api-keys/token", "/auth/api-keys/jwks")
                        .permitAll()
                        .pathMatchers("/gateway/fallback/**").permitAll()
                        .anyExchange().authenticated())
                .build();
    }

    /** Validates the gateway's own tokens with its key in hand, then asks whether their API key still stands. */
    private static ReactiveAuthenticationManager revocationAware(ApiKeyTokenService apiKeyTokens) {
        Mono<ReactiveJwtDecoder> decoder = apiKeyTokens.publicKey().map(key -> {
            NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(key).build();
            nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(apiKeyTokens.issuer()));
            return (ReactiveJwtDecoder) nimbus;
        }).cache();
        ReactiveAuthenticationManager validating = TrustedIssuers.manager(token -> decoder.flatMap(d -> d.decode(token)));
        return authentication -> validating.authenticate(authentication)
                .flatMap(authenticated -> {
                    String apiKey = ((JwtAuthenticationToken) authenticated).getToken()
                            .getClaimAsString(ApiKeyTokenService.API_KEY_CLAIM);
                    if (apiKey == null) {
                        return Mono.error(new InvalidBearerTokenException("an API-key token without its key"));
                    }
                    return apiKeyTokens.keyIsActive(apiKey).flatMap(active -> active
                            ? Mono.just(authenticated)
                            : Mono.error(new InvalidBearerTokenException("the API key was revoked")));
                });
    }

    private static UrlBasedCorsConfigurationSource corsFor(List<String> consoleOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!consoleOrigins.isEmpty()) {
            CorsConfiguration console = new CorsConfiguration();
            console.setAllowedOrigins(consoleOrigins);
            console.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            console.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key",
                    "Accept-Language"));
            console.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "Content-Disposition"));
            console.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", console);
        }
        return source;
    }
}
