package org.tijian.ledger;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.tijian.ledger.problem.ClassingPolicy;

/**
 * The ledger's settings: the classing policy ({@code tijian.ledger.classing.*}), the zone whose calendar days
 * deadlines count in ({@code tijian.ledger.zone}), and the scheduled deadline check.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class LedgerConfiguration {

    @Bean
    ClassingPolicy classingPolicy(Environment environment) {
        return Binder.get(environment).bind("tijian.ledger.classing", ClassingPolicy.class)
                .orElseGet(ClassingPolicy::defaults);
    }

    @Bean
    Clock ledgerClock(Environment environment) {
        return Clock.system(ZoneId.of(environment.getProperty("tijian.ledger.zone", "Asia/Shanghai")));
    }
}
