package org.fupin.household.rest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * Metrics, OpenAPI and Swagger UI are served on the management interface, as in production, and not on the public
 * port; health stays public for the probes. (The other tests run without the management interface.)
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.WithManagementInterface.class)
class ManagementInterfaceTest {

    /** The production setting: the platform's defaults with the management interface on (a random port in tests). */
    public static class WithManagementInterface implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true", "%test.quarkus.management.enabled", "true");
        }
    }

    /** Only its host and port are used: the path Quarkus resolves against the management root varies by version. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    String onManagement(String path) {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort() + path;
    }

    @Test
    void metricsAndApiDocumentationAreOnlyOnTheManagementPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
        given().get("/q/swagger-ui/").then().statusCode(404);
        given().get(onManagement("/q/metrics")).then().statusCode(200).body(containsString("jvm_"));
        given().get(onManagement("/q/openapi")).then().statusCode(200).body(containsString("/api/v1/households"));
        given().get(onManagement("/q/swagger-ui/")).then().statusCode(200);
    }

    @Test
    void healthStaysOnThePublicPort() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
