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
