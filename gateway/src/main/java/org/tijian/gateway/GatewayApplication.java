package org.tijian.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The one front door: routes the APIs, checks tokens first, and relays them downstream. */
@SpringBootApplication
@EnableConfigurationProperties(ServiceRoutes.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
