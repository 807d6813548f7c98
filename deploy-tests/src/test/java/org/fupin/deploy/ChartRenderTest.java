package org.fupin.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helm lints and renders the chart; every rendered object parses into its typed model with no unknown field. */
class ChartRenderTest {

    @Test
    void lints() {
        var result = new Helm(Chart.chartDir()).lint().strict().call();
        assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
    }

    @ParameterizedTest
    @ValueSource(strings = {Chart.TEST_VALUES, Chart.PRODUCTION_VALUES})
    void everyObjectIsValid(String values) {
        var rendered = Chart.render(values);
        assertFalse(rendered.objects().isEmpty());
        List<String> problems = rendered.objects().stream().flatMap(o -> StrictModels.problems(o).stream()).toList();
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {Chart.TEST_VALUES, Chart.PRODUCTION_VALUES})
    void noSecretIsRendered(String values) {
        var rendered = Chart.render(values);
        assertEquals(List.of(), rendered.ofKind("Secret"), "the chart creates no Secret: secrets are referenced");
        for (ObjectNode d : rendered.ofKind("Deployment")) {
            d.findValues("env").forEach(env -> env.forEach(e -> {
                String name = e.path("name").asText();
                if (name.matches(".*(PASSWORD|SECRET|JAAS|_KEY)$")) {
                    assertTrue(e.has("valueFrom") && !e.has("value"), name + " must come from a Secret");
                }
            }));
        }
    }

    @Test
    void validatorsRejectUnknownFields() {
        var rendered = Chart.render(Chart.TEST_VALUES);
        for (String kind : List.of("Deployment", "KafkaTopic", "KafkaUser", "ServiceMonitor", "Database", "Cluster")) {
            ObjectNode o = rendered.ofKind(kind).get(0).deepCopy();
            ((ObjectNode) o.path("spec")).put("replicaz", 3);
            assertFalse(StrictModels.problems(o).isEmpty(), kind + " with an unknown field must fail");
        }
        ObjectNode deployment = rendered.ofKind("Deployment").get(0).deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/securityContext")).put("runAsNonRoote", true);
        assertFalse(StrictModels.problems(deployment).isEmpty(), "a misspelt nested field must fail");
        ObjectNode user = rendered.one("KafkaUser", "reporting-service").deepCopy();
        ((ObjectNode) user.at("/spec/authorization/acls/0/resource")).put("patern", "literal");
        assertFalse(StrictModels.problems(user).isEmpty(), "a misspelt ACL field must fail");
        ObjectNode imp = rendered.ofKind("KeycloakRealmImport").get(0).deepCopy();
        ((ObjectNode) imp.path("spec").path("realm")).put("rolez", "x");
        assertFalse(StrictModels.problems(imp).isEmpty(), "a realm with an unknown field must fail");
    }

    @Test
    void externalKafkaPostgresAndKeycloakRender() {
        var rendered = Chart.render(Chart.TEST_VALUES, Map.of(
                "kafka.mode", "external", "kafka.external.bootstrapServers", "kafka-0.example:9093",
                "postgres.mode", "external", "postgres.external.host", "pg.example",
                "keycloak.mode", "external", "keycloak.issuerUrl", "https://sso.example/realms/fupin",
                "networkPolicy.extraEgress.kafka[0].ipBlock.cidr", "10.1.0.0/16",
                "networkPolicy.extraEgress.postgres[0].ipBlock.cidr", "10.2.0.0/16"));
        for (String kind : List.of("Kafka", "KafkaTopic", "KafkaUser", "Cluster", "Database", "Keycloak", "KeycloakRealmImport")) {
            assertEquals(List.of(), rendered.ofKind(kind), kind + " is not created for an external one");
        }
        assertEquals(5, rendered.ofKind("Deployment").size());
        assertEquals(List.of(), rendered.objects().stream().flatMap(o -> StrictModels.problems(o).stream()).toList());
        assertEquals("jdbc:postgresql://pg.example:5432/household",
                Deployments.env(rendered.one("Deployment", "household-service"), "QUARKUS_DATASOURCE_JDBC_URL"));
    }
}
