package org.fupin.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per service: the objects it needs, hardened pods, ports as the code serves them, closed network policies. */
class ServicePolicyTest {

    @Test
    void chartHasEveryServiceOfTheBuild() {
        @SuppressWarnings("unchecked")
        Set<String> chart = new TreeSet<>(((Map<String, Object>) Chart.values(Chart.TEST_VALUES).get("services")).keySet());
        assertEquals(CodeFacts.services(), chart, "services in the root pom vs. services: in values.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {Chart.TEST_VALUES, Chart.PRODUCTION_VALUES})
    void everyServiceHasItsObjects(String values) {
        var r = Chart.render(values);
        boolean hpa = values.equals(Chart.PRODUCTION_VALUES);
        for (String s : CodeFacts.services()) {
            for (String kind : List.of("Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy", "ServiceAccount",
                    "ServiceMonitor", "KafkaUser")) {
                r.one(kind, s);
            }
            r.one("Service", s + "-management");
            if (hpa) {
                r.one("HorizontalPodAutoscaler", s);
            }
            ServiceAccount sa = r.typed(r.one("ServiceAccount", s), ServiceAccount.class);
            assertEquals(Boolean.FALSE, sa.getAutomountServiceAccountToken(), s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Chart.TEST_VALUES, Chart.PRODUCTION_VALUES})
    void podsAreHardened(String values) {
        var r = Chart.render(values);
        for (Deployment d : r.typed("Deployment", Deployment.class)) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name);
            assertEquals(name, pod.getServiceAccountName());
            assertFalse(pod.getTopologySpreadConstraints().isEmpty(), name + " topology spread");
            assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getName().equals("tmp") && v.getEmptyDir() != null));
            for (Container c : pod.getContainers()) {
                String where = name + "/" + c.getName();
                var sc = c.getSecurityContext();
                boolean nonRoot = Boolean.TRUE.equals(sc.getRunAsNonRoot())
                        || Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot());
                assertTrue(nonRoot, where + " non-root");
                assertTrue(pod.getSecurityContext().getRunAsUser() == null || pod.getSecurityContext().getRunAsUser() != 0);
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), where);
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), where);
                assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), where);
                for (String res : List.of("cpu", "memory")) {
                    assertNotNull(c.getResources().getLimits().get(res), where + " limit " + res);
                    assertNotNull(c.getResources().getRequests().get(res), where + " request " + res);
                }
                assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")), where);
                assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
                assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
            }
        }
    }

    /** The ports the code listens on in the cluster, and health where the platform serves it. */
    @ParameterizedTest
    @ValueSource(strings = {Chart.TEST_VALUES, Chart.PRODUCTION_VALUES})
    void portsMatchTheCode(String values) {
        var r = Chart.render(values);
        var platform = CodeFacts.platformDefaults();
        ConfigMap common = r.typed(r.one("ConfigMap", "fupin-common"), ConfigMap.class);
        int http = Integer.parseInt(common.getData().get("QUARKUS_HTTP_PORT"));
        int management = Integer.parseInt(common.getData().get("QUARKUS_MANAGEMENT_PORT"));
        assertEquals(platform.getProperty("quarkus.management.port"), String.valueOf(management),
                "the chart's management port is the platform's default for Kubernetes");
        assertEquals("true", platform.getProperty("quarkus.management.enabled"));
        String healthPort = Boolean.parseBoolean(platform.getProperty("quarkus.smallrye-health.management.enabled", "false"))
                ? "management" : "http";
        for (Deployment d : r.typed("Deployment", Deployment.class)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, Integer> ports = new java.util.HashMap<>();
            c.getPorts().forEach(p -> ports.put(p.getName(), p.getContainerPort()));
            assertEquals(Map.of("http", http, "management", management), ports, d.getMetadata().getName());
            for (var probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
                assertEquals(healthPort, probe.getHttpGet().getPort().getStrVal());
            }
            assertTrue(c.getEnvFrom().stream().anyMatch(e -> e.getConfigMapRef() != null
                    && e.getConfigMapRef().getName().equals("fupin-common")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Chart.TEST_VALUES, Chart.PRODUCTION_VALUES})
    void networkPoliciesAreClosed(String values) {
        var r = Chart.render(values);
        @SuppressWarnings("unchecked")
        var np = (Map<String, Object>) Chart.values(values).get("networkPolicy");
        @SuppressWarnings("unchecked")
        String prometheusNs = (String) ((Map<String, Object>) np.get("prometheus")).get("namespace");
        for (NetworkPolicy p : r.typed("NetworkPolicy", NetworkPolicy.class)) {
            String name = p.getMetadata().getName();
            assertEquals(List.of("Ingress", "Egress"), p.getSpec().getPolicyTypes(), name);
            Set<String> fromNamespaces = new TreeSet<>();
            for (NetworkPolicyIngressRule in : p.getSpec().getIngress()) {
                assertFalse(in.getFrom() == null || in.getFrom().isEmpty(), name + ": ingress from anywhere");
                in.getFrom().forEach(f -> {
                    assertNotNull(f.getNamespaceSelector(), name);
                    fromNamespaces.add(f.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
                });
            }
            assertEquals(new TreeSet<>(List.of((String) np.get("gatewayNamespace"), prometheusNs)), fromNamespaces, name);
            assertEquals(4, p.getSpec().getEgress().size(), name + ": PostgreSQL, Kafka, OIDC, DNS");
            for (NetworkPolicyEgressRule out : p.getSpec().getEgress()) {
                assertFalse(out.getTo() == null || out.getTo().isEmpty(), name + ": egress to anywhere");
                assertFalse(out.getPorts() == null || out.getPorts().isEmpty(), name + ": egress on any port");
            }
        }
    }

    @Test
    void podsReadTheirSecretsByReference() {
        var r = Chart.render(Chart.PRODUCTION_VALUES);
        JsonNode household = r.one("Deployment", "household-service");
        assertTrue(household.toString().contains("\"name\":\"fupin-pii\""), "household-service gets the PII keys");
        for (String s : CodeFacts.services()) {
            String d = r.one("Deployment", s).toString();
            assertTrue(d.contains("{\"name\":\"" + s + "-db\",\"key\":\"password\"}"), s + " database password");
        }
    }
}
