package org.tijian.testing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

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
            TestPropertyValues.of(ownConsumerGroups(context.getEnvironment(), database)).applyTo(context);
        }

        /**
         * Gives each test context (one per database) its own consumer groups: contexts cached side by side
         * in one JVM would otherwise share a group and split a topic's partitions, so an event sent by one
         * test could be handled by another test's service against another database.
         */
        private static List<String> ownConsumerGroups(ConfigurableEnvironment environment, String database) {
            Set<String> bindings = new TreeSet<>();
            for (PropertySource<?> source : environment.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String name : enumerable.getPropertyNames()) {
                        if (name.startsWith("spring.cloud.stream.bindings.") && name.endsWith(".group")) {
                            bindings.add(name);
                        }
                    }
                }
            }
            return bindings.stream()
                    .map(name -> name + "=" + TestInfrastructure.consumerGroup(environment.getProperty(name), database))
                    .toList();
        }
    }

}
