package org.fupin.platform.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every service's production build serves metrics, OpenAPI and Swagger UI on the management interface only; health
 * stays on the public port. (household-service's ManagementInterfaceTest checks the running behaviour.)
 */
class ManagementDefaultsTest {

    static Properties shared() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ManagementDefaultsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(in);
        }
        return p;
    }

    @Test
    void theManagementInterfaceIsOnOutsideTests() throws IOException {
        Properties p = shared();
        assertEquals("true", p.getProperty("quarkus.management.enabled"));
        assertNull(p.getProperty("%prod.quarkus.management.enabled"));
        assertNull(p.getProperty("%dev.quarkus.management.enabled"));
        assertNotEquals("false", p.getProperty("quarkus.smallrye-openapi.management.enabled")); // Swagger UI follows OpenAPI
        assertEquals("false", p.getProperty("quarkus.smallrye-health.management.enabled"));
        assertEquals("0", p.getProperty("%test.quarkus.management.test-port"));
    }
}
