package org.tijian.evaluation.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.IndicatorSystemKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the built-in national basic indicator system ({@code catalog/national-basic-indicators.json})
 * at start-up: what is missing is added and published, what exists (perhaps with changed standards) is
 * left alone. Safe with several replicas starting at once.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorCatalogConfiguration {

    static final String NATIONAL_CATALOG = "catalog/national-basic-indicators.json";

    private static final Logger log = LoggerFactory.getLogger(IndicatorCatalogConfiguration.class);

    @Bean
    ApplicationRunner nationalCatalogSeed(IndicatorCatalogService catalog, JsonMapper json) {
        return arguments -> {
            BuiltInCatalog builtIn = read(json);
            Long added = catalog.seed(builtIn.system().toSystem(), builtIn.indicators()).block();
            log.info("national basic indicator system: {} indicators built in, {} added now", builtIn.indicators().size(),
                    added);
        };
    }

    static BuiltInCatalog read(JsonMapper json) throws IOException {
        try (InputStream in = new ClassPathResource(NATIONAL_CATALOG).getInputStream()) {
            return json.readValue(in, BuiltInCatalog.class);
        }
    }

    record BuiltInCatalog(SystemHeader system, List<IndicatorDefined> indicators) {
    }

    record SystemHeader(String code, IndicatorSystemKind kind, String nameZh, String nameEn, List<Integer> checkYears) {

        IndicatorSystem toSystem() {
            return new IndicatorSystem(code, kind, nameZh, nameEn, null, null, List.of());
        }
    }
}
