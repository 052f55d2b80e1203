package org.tijian.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads rendered manifests with the Kubernetes and Strimzi Java models, strictly: a field the model does not know
 * (which both models would otherwise keep aside in {@code additionalProperties}), a wrong type or an unknown enum
 * value is a problem. An unknown kind is one too, so a new kind of resource must be added here.
 */
final class ManifestSchema {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
            "v1/Service", io.fabric8.kubernetes.api.model.Service.class,
            "apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler",
            io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class,
            "kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The documents of a multi-document YAML stream (kustomize's output). */
    static List<JsonNode> documents(String yaml) throws java.io.IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode node = iterator.next();
                if (node != null && !node.isMissingNode() && !node.isNull()) {
                    documents.add(node);
                }
            }
        }
        return documents;
    }

    /** @return what is wrong with the manifest; empty when the model reads all of it */
    static List<String> problems(JsonNode manifest) {
        String name = manifest.path("kind").asText() + "/" + manifest.path("metadata").path("name").asText();
        Class<?> model = MODELS.get(manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText());
        if (model == null) {
            return List.of(name + ": no model for " + manifest.path("apiVersion").asText() + " " + manifest.path("kind").asText());
        }
        Object read;
        try {
            read = STRICT.treeToValue(manifest, model);
        } catch (Exception e) {
            return List.of(name + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        unknownFields(read, name, problems, new IdentityHashMap<>());
        return problems;
    }

    private static void unknownFields(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> unknownFields(element, path + "." + key, problems, seen));
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class
                    || getter.getReturnType().isPrimitive()) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown fields " + extra.keySet());
                }
                continue;
            }
            unknownFields(property, path + "." + decapitalize(getter.getName().substring(3)), problems, seen);
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private ManifestSchema() {
    }
}
