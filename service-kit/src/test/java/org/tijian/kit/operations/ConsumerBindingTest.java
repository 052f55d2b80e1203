package org.tijian.kit.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ConsumerBindingTest {

    @Test
    void inputBindingsWithAGroupHaveTheirDeadLetterTopic() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.bindings.areaDefined-in-0.destination", "catalog.areas.v1")
                .withProperty("spring.cloud.stream.bindings.areaDefined-in-0.group", "ledger-service")
                .withProperty("spring.cloud.stream.bindings.onResult-in-0.destination", "evaluation.results.v1")
                .withProperty("spring.cloud.stream.bindings.onResult-in-0.group", "ledger-service")
                .withProperty("spring.cloud.stream.kafka.bindings.onResult-in-0.consumer.dlq-name", "ledger.dead")
                .withProperty("spring.cloud.stream.bindings.noGroup-in-0.destination", "x.v1")
                .withProperty("spring.cloud.stream.bindings.published-out-0.destination", "ledger.problems.v1");

        assertThat(ConsumerBinding.of(environment)).containsExactly(
                new ConsumerBinding("areaDefined-in-0", "catalog.areas.v1", "ledger-service",
                        "error.catalog.areas.v1.ledger-service"),
                new ConsumerBinding("onResult-in-0", "evaluation.results.v1", "ledger-service", "ledger.dead"));
    }
}
