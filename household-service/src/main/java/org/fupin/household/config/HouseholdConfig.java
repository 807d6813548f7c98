package org.fupin.household.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "fupin.household")
public interface HouseholdConfig {
    /** Largest household a registration accepts. */
    @WithDefault("50")
    int maxMembers();
}
