package org.tijian.testing;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.boot.test.util.TestPropertyValues;

/** Points every {@link TijianIntegrationTest} context at the shared {@link TestInfrastructure}. */
public class TestInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        TijianIntegrationTest annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, TijianIntegrationTest.class);
        if (annotation == null) {
            return null;
        }
        return new Customizer(annotation.database());
    }

    private record Customizer(String database) implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            TestPropertyValues.of(TestInfrastructure.get().serviceProperties(database)).applyTo(context);
        }
    }

}
