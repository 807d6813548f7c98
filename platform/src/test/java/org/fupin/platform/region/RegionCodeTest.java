package org.fupin.platform.region;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionCodeTest {

    @Test
    void prefixStripsTrailingZeroGroups() {
        assertEquals("522428103201", RegionCode.prefixOf("522428103201"));
        assertEquals("522428103", RegionCode.prefixOf("522428103000"));
        assertEquals("522428", RegionCode.prefixOf("522428000000"));
        assertEquals("5224", RegionCode.prefixOf("522400000000"));
        assertEquals("52", RegionCode.prefixOf("520000000000"));
        assertEquals("", RegionCode.prefixOf("000000000000"));
        assertEquals("5224", RegionCode.prefixOf("5224"));
    }

    @Test
    void aZeroInsideAGroupIsKept() {
        // county 01 of city 5201: the county group "01" is not all zeros
        assertEquals("520101", RegionCode.prefixOf("520101000000"));
        assertEquals("5201", RegionCode.prefixOf("520100000000"));
    }

    @Test
    void withinFollowsThePrefix() {
        assertTrue(RegionCode.isWithin("522428103201", "522400000000"));
        assertTrue(RegionCode.isWithin("522428103201", "52"));
        assertFalse(RegionCode.isWithin("520102003004", "5224"));
        assertTrue(RegionCode.isWithin("520102003004", ""));
    }

    @Test
    void villageCodesAndBadInput() {
        assertTrue(RegionCode.isVillage("522428103201"));
        assertFalse(RegionCode.isVillage("522428103000"));
        assertFalse(RegionCode.isVillage("52242810320"));
        assertFalse(RegionCode.isValidPrefix("522"));
        assertThrows(IllegalArgumentException.class, () -> RegionCode.prefixOf("52a4"));
    }
}
