package org.tijian.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.tijian.gateway.ratelimit.RateLimitProperties;
import org.tijian.gateway.routing.ServiceRoutes;

/** The one front door: routes the APIs, checks tokens first, limits and relays them downstream. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties({ServiceRoutes.class, RateLimitProperties.class})
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
