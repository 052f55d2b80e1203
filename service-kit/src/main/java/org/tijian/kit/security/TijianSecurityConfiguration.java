package org.tijian.kit.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.tijian.kit.error.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * Every service is an OAuth2 resource server: nothing but health answers without a valid JWT, and
 * roles come from the token (see {@link TijianUser}). Services guard writes with
 * {@code @PreAuthorize("hasRole('...')")}. No service trusts the network: the gateway relays the
 * caller's token and each service validates it again.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class TijianSecurityConfiguration {

    /** Each service's OpenAPI document, {@code /api/<service>/openapi}: describes the API, holds no data. */
    public static final String[] OPENAPI_PATHS = {"/api/*/openapi", "/api/*/openapi/**"};

    @Bean
    @ConditionalOnMissingBean
    ProblemJsonSecurityHandlers problemJsonSecurityHandlers(ProblemResponses problems) {
        return new ProblemJsonSecurityHandlers(problems);
    }

    @Bean
    @ConditionalOnMissingBean
    TrustedIssuers trustedIssuers(@Value("${tijian.security.issuer}") String issuer,
            @Value("${tijian.security.jwk-set-uri}") String jwkSetUri,
            @Value("${tijian.security.api-key-issuer:}") String apiKeyIssuer,
            @Value("${tijian.security.api-key-jwk-set-uri:}") String apiKeyJwkSetUri) {
        return new TrustedIssuers(issuer, jwkSetUri, apiKeyIssuer, apiKeyJwkSetUri);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain tijianSecurityFilterChain(ServerHttpSecurity http, ProblemJsonSecurityHandlers handlers,
            TrustedIssuers issuers) {
        return resourceServer(http, handlers, issuers.resolver())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers(OPENAPI_PATHS).permitAll()
                        .anyExchange().authenticated())
                .build();
    }

    /**
     * A stateless bearer-token resource server answering 401 and 403 as problem+json: everything of a
     * Tijian security chain but which paths are open. The gateway builds its own chain on it.
     */
    public static ServerHttpSecurity resourceServer(ServerHttpSecurity http, ProblemJsonSecurityHandlers handlers,
            ReactiveAuthenticationManagerResolver<ServerWebExchange> resolver) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(resolver)
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers));
    }

    static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        var authorities = TijianUser.roles(jwt.getClaims()).stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    /** Kept for services that build their own chain and want the same role mapping. */
    public static Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter() {
        return TijianSecurityConfiguration::authentication;
    }
}
