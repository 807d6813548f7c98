package org.fupin.household.pii;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The day after a new key was configured: k0 (the first release's key) still in the ring for reading, k1 active. Small,
 * paced batches, so the rotation runs long enough for traffic to overlap it.
 */
public class KeyRotationProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("fupin.pii.active-key-id", "k1",
                "fupin.pii.rotation.batch-size", "5",
                "fupin.pii.rotation.pause", "100ms");
    }
}
