package org.tijian.kit.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A consumer binding of this service as its configuration declares it: the topic it reads, its consumer group and the
 * dead-letter topic its failures go to ({@code error.<topic>.<group>} unless the binding names another).
 */
public record ConsumerBinding(String name, String topic, String group, String deadLetterTopic) {

    /** The service's input bindings that have a consumer group (only those have a committed position and a DLQ). */
    public static List<ConsumerBinding> of(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Declared> bindings = binder.bind("spring.cloud.stream.bindings",
                Bindable.mapOf(String.class, Declared.class)).orElse(Map.of());
        Map<String, KafkaDeclared> kafka = binder.bind("spring.cloud.stream.kafka.bindings",
                Bindable.mapOf(String.class, KafkaDeclared.class)).orElse(Map.of());
        List<ConsumerBinding> result = new ArrayList<>();
        bindings.forEach((name, declared) -> {
            if (!name.contains("-in-") || declared.destination() == null || declared.group() == null) {
                return;
            }
            KafkaDeclared own = kafka.get(name);
            String deadLetterTopic = own != null && own.consumer() != null && own.consumer().dlqName() != null
                    ? own.consumer().dlqName() : "error." + declared.destination() + "." + declared.group();
            result.add(new ConsumerBinding(name, declared.destination(), declared.group(), deadLetterTopic));
        });
        result.sort(Comparator.comparing(ConsumerBinding::name));
        return result;
    }

    /** The binding called {@code name}; it must have a destination and a consumer group. */
    public static ConsumerBinding named(Environment environment, String name) {
        return of(environment).stream().filter(binding -> binding.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no consumer binding " + name
                        + " with a destination and a group in spring.cloud.stream.bindings"));
    }

    /** The two properties of a binding read here; the rest is the binder's. */
    public record Declared(String destination, String group) {
    }

    /** The Kafka binder's properties of a binding: only its consumer's dead-letter topic name is read here. */
    public record KafkaDeclared(KafkaConsumerDeclared consumer) {
    }

    public record KafkaConsumerDeclared(String dlqName) {
    }
}
