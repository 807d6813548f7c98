package org.fupin.deploy;

import com.fasterxml.jackson.databind.JsonNode;

final class Deployments {
    private Deployments() {
    }

    /** The literal value of an environment variable of the Deployment's first container (null if absent). */
    static String env(JsonNode deployment, String name) {
        for (JsonNode e : deployment.path("spec").path("template").path("spec").path("containers").get(0).path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e.path("value").asText(null);
            }
        }
        return null;
    }
}
