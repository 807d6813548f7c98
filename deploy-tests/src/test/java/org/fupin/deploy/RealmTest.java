package org.fupin.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The realm the chart imports: the suite's roles, claims, audience and clients. */
class RealmTest {

    static JsonNode realmJson() throws Exception {
        var cm = Chart.render(Chart.PRODUCTION_VALUES).one("ConfigMap", "fupin-realm");
        return Chart.JSON.readTree(cm.path("data").path("realm.json").asText());
    }

    static RealmRepresentation realm() throws Exception {
        return Chart.JSON.treeToValue(realmJson(), RealmRepresentation.class);
    }

    @Test
    void realmJsonIsAValidRepresentationAndTheSameAsTheImport() throws Exception {
        assertEquals(List.of(), OperatorKinds.realmProblems(realmJson()));
        JsonNode imported = Chart.render(Chart.PRODUCTION_VALUES).ofKind("KeycloakRealmImport").get(0).path("spec").path("realm");
        assertEquals(realmJson(), imported);
    }

    /**
     * One realm file: the chart's realm is deploy/helm/fupin-suite/files/realm.json (which the local run imports into
     * a real Keycloak) plus only the installation's values: the browser client's URIs and the integrators.
     */
    @Test
    void theChartsRealmIsTheSharedRealmFilePlusTheInstallationsValues() throws Exception {
        JsonNode file = Chart.JSON.readTree(Chart.chartDir().resolve("files/realm.json").toFile());
        com.fasterxml.jackson.databind.node.ObjectNode rendered = (com.fasterxml.jackson.databind.node.ObjectNode) realmJson().deepCopy();
        rendered.remove("users");
        com.fasterxml.jackson.databind.node.ArrayNode clients = Chart.JSON.createArrayNode();
        for (JsonNode c : rendered.path("clients")) {
            if (c.path("clientId").asText().equals("fupin-web")) {
                assertEquals(List.of("https://fupin.example.gov.cn/*"), Chart.JSON.convertValue(c.path("redirectUris"), List.class));
                ((com.fasterxml.jackson.databind.node.ObjectNode) c).putArray("redirectUris");
                ((com.fasterxml.jackson.databind.node.ObjectNode) c).putArray("webOrigins");
            }
            if (!c.path("serviceAccountsEnabled").asBoolean()) {
                clients.add(c);
            }
        }
        rendered.set("clients", clients);
        assertEquals(file, rendered);
    }

    @Test
    void definesEveryRoleOfTheCode() throws Exception {
        Set<String> roles = realm().getRoles().getRealm().stream().map(RoleRepresentation::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(CodeFacts.roles());
        expected.addAll(CodeFacts.rolesAllowed());
        assertEquals(expected, roles, "roles of org.fupin.platform.security.Roles and of every @RolesAllowed");
    }

    @Test
    void tokensCarryAudienceGroupsRegionAndUnit() throws Exception {
        RealmRepresentation realm = realm();
        ClientScopeRepresentation scope = realm.getClientScopes().stream()
                .filter(s -> s.getName().equals("fupin-suite")).findFirst().orElseThrow();
        Map<String, ProtocolMapperRepresentation> mappers = scope.getProtocolMappers().stream()
                .collect(Collectors.toMap(ProtocolMapperRepresentation::getName, m -> m));
        assertEquals("fupin-suite", mappers.get("audience").getConfig().get("included.custom.audience"));
        assertEquals("oidc-usermodel-realm-role-mapper", mappers.get("groups").getProtocolMapper());
        assertEquals("groups", mappers.get("groups").getConfig().get("claim.name"));
        for (String claim : List.of("region", "unit")) {
            ProtocolMapperRepresentation m = mappers.get(claim);
            assertEquals("oidc-usermodel-attribute-mapper", m.getProtocolMapper());
            assertEquals(claim, m.getConfig().get("user.attribute"));
            assertEquals(claim, m.getConfig().get("claim.name"));
            assertEquals("true", m.getConfig().get("access.token.claim"));
        }
        assertTrue(realm.getDefaultDefaultClientScopes().contains("fupin-suite"));
        assertEquals("preferred_username", mappers.get("username").getConfig().get("claim.name"), "the principal's name (audit)");
        // the realm defines its client scopes, so Keycloak creates none of its built-in ones on import: every scope
        // named must be defined here, and one of the defaults maps the subject
        Set<String> defined = realm.getClientScopes().stream().map(ClientScopeRepresentation::getName).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>(realm.getDefaultDefaultClientScopes());
        realm.getClients().stream().filter(c -> c.getDefaultClientScopes() != null).forEach(c -> named.addAll(c.getDefaultClientScopes()));
        assertTrue(defined.containsAll(named), "client scopes named but not defined: " + named + " vs " + defined);
        assertTrue(realm.getClientScopes().stream().filter(s -> realm.getDefaultDefaultClientScopes().contains(s.getName()))
                .flatMap(s -> s.getProtocolMappers().stream()).anyMatch(m -> m.getProtocolMapper().equals("oidc-sub-mapper")),
                "a default client scope maps the subject (sub)");
        String profile = realm.getComponents().get("org.keycloak.userprofile.UserProfileProvider").get(0)
                .getConfig().getFirst("kc.user.profile.config");
        JsonNode up = Chart.JSON.readTree(profile);
        Set<String> attrs = new TreeSet<>();
        up.path("attributes").forEach(a -> attrs.add(a.path("name").asText()));
        assertTrue(attrs.containsAll(Set.of("region", "unit")), "region and unit are declared user attributes");
    }

    @Test
    void clients() throws Exception {
        Map<String, ClientRepresentation> clients = realm().getClients().stream()
                .collect(Collectors.toMap(ClientRepresentation::getClientId, c -> c));
        for (String s : CodeFacts.services()) {
            assertNotNull(clients.get(s), "a client per service: " + s);
        }
        ClientRepresentation web = clients.get("fupin-web");
        assertTrue(web.isPublicClient());
        assertTrue(web.isStandardFlowEnabled());
        assertFalse(web.isImplicitFlowEnabled());
        assertFalse(web.isDirectAccessGrantsEnabled());
        assertEquals("S256", web.getAttributes().get("pkce.code.challenge.method"));
        List<ClientRepresentation> integrators = clients.values().stream()
                .filter(c -> Boolean.TRUE.equals(c.isServiceAccountsEnabled())).toList();
        assertFalse(integrators.isEmpty());
        for (ClientRepresentation c : integrators) {
            assertFalse(c.isPublicClient());
            assertFalse(c.isStandardFlowEnabled());
            assertNull(c.getSecret(), "no client secret in the chart");
            ProtocolMapperRepresentation region = c.getProtocolMappers().stream()
                    .filter(m -> m.getName().equals("region")).findFirst().orElseThrow();
            assertEquals("oidc-hardcoded-claim-mapper", region.getProtocolMapper());
            assertTrue(region.getConfig().get("claim.value").matches("[0-9]{2,12}"));
        }
    }
}
