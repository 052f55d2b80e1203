package org.tijian.kit.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.tijian.kit.error.ProblemJsonExceptionHandler;
import org.tijian.kit.error.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/** problem+json for every HTTP error, ahead of Spring Boot's default error handler. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class TijianWebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    ProblemJsonExceptionHandler problemJsonExceptionHandler(ProblemResponses problems) {
        return new ProblemJsonExceptionHandler(problems);
    }
}
