package org.fupin.household.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * This service's request-body limits ({@code fupin.household.import.*}, read by BodyLimits). The import machinery's
 * own knobs (workers, chunk size, job limit, retention ...) are the platform's {@code fupin.import.*}
 * ({@link org.fupin.platform.imports.ImportConfig}); before issue 8 they were {@code fupin.household.import.*} too.
 */
@ConfigMapping(prefix = "fupin.household.import")
public interface ImportConfig {

    /** Largest batch a bulk-import request may carry (checked from the declared length; the machinery checks while reading). */
    @WithDefault("256M")
    MemorySize maxBodySize();

    /** Largest body of every other endpoint of the service (single JSON requests). */
    @WithDefault("2M")
    MemorySize maxJsonBodySize();
}
