package org.tijian.intake.area;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tijian.contracts.catalog.AreaDefined;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binding {@code areaDefined-in-0}: catalog.areas.v1, group data-intake-service, in batch mode.
 * The topic is compacted state keyed by area code, so an upsert per poll is idempotent by nature;
 * a record that cannot be read is logged and counted, not retried.
 */
@Configuration(proxyBeanMethods = false)
class AreaDefinedListener {

    private static final Logger log = LoggerFactory.getLogger(AreaDefinedListener.class);

    @Bean
    Consumer<Message<List<byte[]>>> areaDefined(AreaCopy copy, JsonMapper json, MeterRegistry meters) {
        return batch -> {
            List<AreaDefined> areas = new ArrayList<>(batch.getPayload().size());
            for (byte[] record : batch.getPayload()) {
                if (record == null) {
                    continue; // a tombstone: deleting areas is not supported yet
                }
                try {
                    areas.add(json.readValue(record, AreaDefined.class));
                } catch (RuntimeException e) {
                    meters.counter("tijian.intake.areas.unreadable").increment();
                    log.warn("skipped an unreadable record on catalog.areas.v1: {}", e.getMessage());
                }
            }
            copy.apply(areas).block(Duration.ofSeconds(60));
            meters.counter("tijian.intake.areas.copied").increment(areas.size());
        };
    }
}
