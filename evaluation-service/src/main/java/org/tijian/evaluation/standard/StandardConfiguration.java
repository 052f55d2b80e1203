package org.tijian.evaluation.standard;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

@Configuration(proxyBeanMethods = false)
class StandardConfiguration {

    @Bean
    IndicatorCatalog indicatorCatalog() throws IOException {
        try (var csv = new InputStreamReader(
                new ClassPathResource("catalog/indicators-national-basic.csv").getInputStream(), StandardCharsets.UTF_8)) {
            return IndicatorCatalog.fromCsv(csv);
        }
    }
}
