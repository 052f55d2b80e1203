package org.tijian.kit.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.tijian.kit.messaging.BatchRetry;

/**
 * How the catalog copy's two bindings consume, with the lowest precedence: what {@link CatalogCopyListener} is
 * written for (batches of up to 2,000 raw records, its own dead-lettering, retries without limit), so a service
 * states only the destination and group. Inert in a service without these bindings.
 */
public class CatalogCopyDefaults implements EnvironmentPostProcessor {

    public static final String PROPERTY_SOURCE = "tijianCatalogCopyDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (String binding : new String[] {CatalogCopyListener.AREA_BINDING, CatalogCopyListener.INDICATOR_BINDING}) {
            String common = "spring.cloud.stream.bindings." + binding + ".consumer.";
            defaults.put(common + "batch-mode", "true");
            defaults.put(common + "use-native-decoding", "true");
            String kafka = "spring.cloud.stream.kafka.bindings." + binding + ".consumer.";
            defaults.put(kafka + "configuration.max.poll.records", "2000");
            defaults.put(kafka + "enable-dlq", "false");
            defaults.put(kafka + "common-error-handler-bean-name", BatchRetry.BEAN);
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
    }
}
