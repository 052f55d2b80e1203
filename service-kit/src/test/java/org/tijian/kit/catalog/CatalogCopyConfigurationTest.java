package org.tijian.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.mock.env.MockEnvironment;

class CatalogCopyConfigurationTest {

    @Test
    void staysOffUnlessTheServiceEnablesIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CatalogCopyConfiguration.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(CatalogCopy.class)
                        .doesNotHaveBean("areaDefined")
                        .doesNotHaveBean("catalogCopySchema"));
    }

    @Test
    void anEnabledCopyWithoutItsFunctionsOrConsumerGroupsStopsTheStart() {
        var environment = new MockEnvironment().withProperty("spring.cloud.function.definition", "indicatorEvaluated");
        var bindings = new BindingServiceProperties();
        bindings.getBindings().put("areaDefined-in-0", new BindingProperties());
        bindings.getBindings().put("indicatorDefined-in-0", new BindingProperties());

        assertThatThrownBy(() -> CatalogCopyConfiguration.requireBindings(environment, bindings))
                .hasMessageContaining("does not list areaDefined");

        environment.setProperty("spring.cloud.function.definition", "indicatorEvaluated;areaDefined;indicatorDefined");
        assertThatThrownBy(() -> CatalogCopyConfiguration.requireBindings(environment, bindings))
                .hasMessageContaining("spring.cloud.stream.bindings.areaDefined-in-0.group");

        bindings.getBindings().get("areaDefined-in-0").setGroup("ledger-service");
        bindings.getBindings().get("indicatorDefined-in-0").setGroup("ledger-service");
        assertThatCode(() -> CatalogCopyConfiguration.requireBindings(environment, bindings)).doesNotThrowAnyException();
    }
}
