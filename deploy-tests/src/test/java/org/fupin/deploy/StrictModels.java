package org.fupin.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed parsing that fails on unknown fields. The fabric8 and Strimzi models keep unknown fields in
 * {@code additionalProperties} (a Jackson any-setter, which FAIL_ON_UNKNOWN_PROPERTIES does not reach), so after
 * parsing every object of the model is walked and any additional property is reported.
 */
final class StrictModels {
    /** apiVersion/kind -> typed model. Kinds of CloudNativePG and Keycloak have none: see OperatorKinds. */
    static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));

    private StrictModels() {
    }

    static String key(JsonNode o) {
        return o.path("apiVersion").asText() + "/" + o.path("kind").asText();
    }

    /** Problems of one rendered object: not parseable into its model, or fields the model does not know. */
    static List<String> problems(ObjectNode o) {
        String where = key(o) + " " + o.path("metadata").path("name").asText();
        Class<?> type = TYPED.get(key(o));
        List<String> problems = new ArrayList<>();
        if (type == null) {
            OperatorKinds.check(o).forEach(p -> problems.add(where + ": " + p));
            return problems;
        }
        Object typed;
        try {
            typed = Chart.YAML.treeToValue(o, type);
        } catch (Exception e) {
            problems.add(where + ": " + e.getMessage());
            return problems;
        }
        walk(typed, "", Collections.newSetFromMap(new IdentityHashMap<>()), problems);
        return problems.stream().map(p -> where + ": unknown field " + p).toList();
    }

    private static void walk(Object o, String path, Set<Object> seen, List<String> problems) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>) {
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, seen, problems));
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Iterator<?> it = c.iterator(); it.hasNext(); i++) {
                walk(it.next(), path + "[" + i + "]", seen, problems);
            }
            return;
        }
        String cn = o.getClass().getName();
        if (!(cn.startsWith("io.fabric8.") || cn.startsWith("io.strimzi.")) || !seen.add(o)) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getReturnType().isPrimitive()
                    || !m.getName().startsWith("get") || m.getName().equals("getClass")) {
                continue;
            }
            Object v;
            try {
                v = m.invoke(o);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + " " + extra.keySet());
                }
                continue;
            }
            String prop = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            walk(v, path + "." + prop, seen, problems);
        }
    }
}
