package org.tijian.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.tijian.kit.security.ProblemJsonSecurityHandlers;
import org.tijian.kit.security.TijianSecurityConfiguration;

import java.net.URI;

/**
 * The gateway checks every API call's token before routing it (services check it again). The web
 * console's static files and standalone mode's sign-in ({@code /auth/**}) are open: the console
 * holds no data, it calls the APIs with the signed-in user's token.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

    /** The console module's single page; its scripts and styles are served from {@code static/console/}. */
    private static final Resource CONSOLE_PAGE = new ClassPathResource("static/console/index.html");

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ProblemJsonSecurityHandlers handlers) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/", "/console", "/console/**", "/webjars/**", "/favicon.ico").permitAll()
                        .pathMatchers("/auth/users", "/auth/token").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(TijianSecurityConfiguration.jwtAuthenticationConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> consoleEntrance() {
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.status(HttpStatus.FOUND).location(URI.create("/console/")).build())
                .GET("/console", request -> ServerResponse.status(HttpStatus.FOUND).location(URI.create("/console/")).build())
                .GET("/console/", request -> CONSOLE_PAGE.exists()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(CONSOLE_PAGE)
                        : ServerResponse.notFound().build())
                .build();
    }
}
