package org.tijian.projects;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.tijian.projects.drafting.DraftingPolicy;

/**
 * The library's settings: grouping rules, unit costs and departments ({@code tijian.projects.drafting.*}), the zone
 * of its calendar ({@code tijian.projects.zone}), and the scheduled refresh of its gauges.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ProjectLibraryConfiguration {

    @Bean
    DraftingPolicy draftingPolicy(Environment environment) {
        return Binder.get(environment).bind("tijian.projects.drafting", DraftingPolicy.class)
                .orElseGet(DraftingPolicy::defaults);
    }

    @Bean
    Clock projectsClock(Environment environment) {
        return Clock.system(ZoneId.of(environment.getProperty("tijian.projects.zone", "Asia/Shanghai")));
    }
}
