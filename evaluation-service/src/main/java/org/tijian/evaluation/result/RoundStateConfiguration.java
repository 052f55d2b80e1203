package org.tijian.evaluation.result;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the service's rounds share in memory: the one {@link FeedBacklog} and the {@link RecentRounds} for the relay. */
@Configuration(proxyBeanMethods = false)
class RoundStateConfiguration {

    @Bean
    FeedBacklog feedBacklog(MeterRegistry meters,
            @Value("${tijian.evaluation.backlog-quiet:PT3S}") Duration quiet,
            @Value("${tijian.evaluation.backlog-age:PT10S}") Duration behindAfter) {
        FeedBacklog backlog = new FeedBacklog(System::nanoTime, quiet, behindAfter);
        Gauge.builder("tijian.evaluation.feed.catching.up", backlog, b -> b.catchingUp() ? 1 : 0)
                .description("1 while evaluation catches up with intake's feed (its polls come back full or old)")
                .register(meters);
        return backlog;
    }

    @Bean
    RecentRounds recentRounds(MeterRegistry meters,
            @Value("${tijian.evaluation.relay-handoff:20000}") int capacity) {
        return new RecentRounds(capacity, meters);
    }
}
