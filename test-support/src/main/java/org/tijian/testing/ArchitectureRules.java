package org.tijian.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout rule of STYLE.md: inside a feature package, the domain model (records, rules, ports
 * such as {@code *Store} interfaces) imports no Spring, R2DBC, Kafka or Jackson type. Adapters and
 * application services are recognised by name: {@code *Controller}, {@code *Listener},
 * {@code *Configuration}, {@code *Application}, {@code *Service}, {@code R2dbc*}.
 */
public final class ArchitectureRules {

    public static ArchRule domainIsFrameworkFree() {
        return noClasses().that(domainClasses())
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "org.tijian.kit.outbox..",
                        "org.tijian.kit.inbox..", "tools.jackson..")
                .because("domain code stays free of framework types (STYLE.md); adapters sit beside it");
    }

    private static DescribedPredicate<JavaClass> domainClasses() {
        return DescribedPredicate.describe("domain classes", javaClass -> {
            String name = javaClass.getSimpleName();
            String outer = javaClass.getEnclosingClass().map(JavaClass::getSimpleName).orElse(name);
            return !(adapter(name) || adapter(outer));
        });
    }

    private static boolean adapter(String name) {
        return name.endsWith("Controller") || name.endsWith("Listener") || name.endsWith("Configuration") || name.startsWith("Json")
                || name.endsWith("Application") || name.startsWith("R2dbc") || name.endsWith("Service")
                || name.endsWith("Tests")
                || name.endsWith("Test") || name.endsWith("IT");
    }

    private ArchitectureRules() {
    }
}
