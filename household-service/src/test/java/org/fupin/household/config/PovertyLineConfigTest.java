package org.fupin.household.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Provincial lines are optional configuration: production sets none, and a province may set several years. */
class PovertyLineConfigTest {

    static HouseholdConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(HouseholdConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getConfigMapping(HouseholdConfig.class);
    }

    @Test
    void withoutProvincialLinesTheMapIsEmpty() {
        HouseholdConfig c = config(Map.of("fupin.household.poverty-line.\"2020\"", "4000.00"));
        assertTrue(c.provincePovertyLine().isEmpty());
        assertEquals(Optional.of(new BigDecimal("4000.00")), c.lineFor(2020));
        assertEquals(Optional.empty(), c.lineFor(2021));
    }

    @Test
    void provincialLinesAreReadByProvinceAndYear() {
        HouseholdConfig c = config(Map.of("fupin.household.poverty-line.\"2020\"", "4000.00",
                "fupin.household.province-poverty-line.\"52\".\"2021\"", "4300.00",
                "fupin.household.province-poverty-line.\"52\".\"2022\"", "4400.00"));
        assertEquals(new BigDecimal("4300.00"), c.provincePovertyLine().get("52").get("2021"));
        assertEquals(new BigDecimal("4400.00"), c.provincePovertyLine().get("52").get("2022"));
    }
}
