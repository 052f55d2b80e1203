package org.tijian.gateway.console;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The web console's entrance; its scripts and styles are served from {@code static/console/}. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    private static final Resource CONSOLE_PAGE = new ClassPathResource("static/console/index.html");

    @Bean
    RouterFunction<ServerResponse> consoleEntrance() {
        return RouterFunctions.route()
                .GET("/", request -> redirect("/console/"))
                .GET("/console", request -> redirect("/console/"))
                .GET("/console/", request -> CONSOLE_PAGE.exists()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(CONSOLE_PAGE)
                        : ServerResponse.notFound().build())
                .GET("/api-docs", request -> redirect("/swagger-ui.html"))
                .build();
    }

    private static reactor.core.publisher.Mono<ServerResponse> redirect(String to) {
        return ServerResponse.status(HttpStatus.FOUND).location(URI.create(to)).build();
    }
}
