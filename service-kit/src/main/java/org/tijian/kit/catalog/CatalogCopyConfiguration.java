package org.tijian.kit.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.StringUtils;
import org.tijian.kit.config.TijianMessagingConfiguration;
import org.tijian.kit.messaging.DeadLetters;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog copy, for a service that sets {@code tijian.catalog-copy.enabled=true}: tables {@code area_copy} and
 * {@code indicator_copy} ({@link CatalogCopySchema}), the consumers {@code areaDefined} and {@code indicatorDefined}
 * ({@link CatalogCopyListener}) and the read API under {@code tijian.catalog-copy.path}; the dead-letter topics and the
 * retrying error handler are the kit's (TijianMessagingConfiguration).
 *
 * <p>The service lists {@code areaDefined;indicatorDefined} in {@code spring.cloud.function.definition} and gives
 * both bindings their destination and its own name as consumer group; the kit's defaults
 * ({@code CatalogCopyDefaults}) make them batch consumers of raw bytes. A service that enables the copy but forgets
 * either fails at start rather than keeping an empty copy.
 */
@AutoConfiguration(after = TijianMessagingConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.r2dbc.core.DatabaseClient", "org.springframework.kafka.core.KafkaTemplate",
        "org.flywaydb.core.Flyway", "org.springframework.cloud.stream.config.BindingServiceProperties"})
@ConditionalOnProperty(prefix = "tijian.catalog-copy", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(CatalogCopyProperties.class)
public class CatalogCopyConfiguration {

    static final List<String> FUNCTIONS = List.of("areaDefined", "indicatorDefined");

    /** After the service's own migrations (the initializer runs them when it is created). */
    @Bean
    CatalogCopySchema catalogCopySchema(Flyway flyway, ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
        serviceMigrations.getIfAvailable();
        return new CatalogCopySchema(flyway);
    }

    @Bean
    @DependsOn("catalogCopySchema")
    CatalogCopy catalogCopy(DatabaseClient db, TransactionalOperator transaction, JsonMapper json) {
        return new R2dbcCatalogCopy(db, transaction, json);
    }

    @Bean
    CatalogCopyListener catalogCopyListener(CatalogCopy copy, JsonMapper json, MeterRegistry meters,
            DeadLetters deadLetters, BindingServiceProperties bindings, Environment environment) {
        requireBindings(environment, bindings);
        return new CatalogCopyListener(copy, json, deadLetters, meters, binding -> group(bindings, binding));
    }

    @Bean
    Consumer<Message<List<byte[]>>> areaDefined(CatalogCopyListener listener) {
        return listener.areas();
    }

    @Bean
    Consumer<Message<List<byte[]>>> indicatorDefined(CatalogCopyListener listener) {
        return listener.indicators();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class CatalogCopyWebConfiguration {

        @Bean
        CatalogCopyController catalogCopyController(CatalogCopy copy) {
            return new CatalogCopyController(copy);
        }
    }

    private static String group(BindingServiceProperties bindings, String binding) {
        return bindings.getBindingProperties(binding).getGroup();
    }

    static void requireBindings(Environment environment, BindingServiceProperties bindings) {
        List<String> defined = Arrays.stream(environment.getProperty("spring.cloud.function.definition", "").split("[;,]"))
                .map(String::trim)
                .toList();
        for (String function : FUNCTIONS) {
            if (!defined.contains(function)) {
                throw new IllegalStateException("tijian.catalog-copy.enabled=true, but spring.cloud.function.definition ("
                        + defined + ") does not list " + function + ": add areaDefined;indicatorDefined");
            }
            String binding = function + "-in-0";
            if (!StringUtils.hasText(group(bindings, binding))) {
                throw new IllegalStateException("the catalog copy's binding " + binding + " needs a consumer group (the"
                        + " service's name), so that the copy reads its compacted topic from the beginning once and"
                        + " resumes after downtime: set spring.cloud.stream.bindings." + binding + ".group");
            }
        }
    }
}
