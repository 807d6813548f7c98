package org.fupin.platform.pii;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.fupin.platform.pii.PersonalDataProtectorTest.HASH;
import static org.fupin.platform.pii.PersonalDataProtectorTest.K0;
import static org.fupin.platform.pii.PersonalDataProtectorTest.K1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed configuration, from properties and from the environment variables the README names. */
class PiiConfigTest {

    static PiiConfig config(Map<String, String> properties) {
        return build(properties, Map.of());
    }

    static PiiConfig build(Map<String, String> properties, Map<String, String> env) {
        SmallRyeConfig c = new SmallRyeConfigBuilder().withMapping(PiiConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 250), new EnvConfigSource(env, 300)).build();
        return c.getConfigMapping(PiiConfig.class);
    }

    @Test
    void nothingConfiguredIsValidConfigButNoKeyring() {
        PiiConfig c = config(Map.of());
        assertTrue(c.keys().isEmpty());
        assertTrue(c.encryptedColumns().isEmpty());
        assertEquals(200, c.rotation().batchSize());
        assertEquals(Duration.ZERO, c.rotation().pause());
        assertThrows(PiiKeyException.class, () -> Keyring.from(c, true));
    }

    @Test
    void keyringFromEnvironmentVariables() {
        PiiConfig c = build(Map.of(), Map.of("FUPIN_PII_ENCRYPTION_KEY", K0, "FUPIN_PII_KEYS_K1", K1, "FUPIN_PII_ACTIVE_KEY_ID", "k1",
                "FUPIN_PII_HASH_KEY", HASH));
        assertEquals(Optional.of(K0), c.encryptionKey());
        assertEquals(Map.of("k1", K1), c.keys());
        Keyring ring = Keyring.from(c, false);
        assertEquals("k1", ring.activeKeyId());
        assertEquals(java.util.Set.of("k0", "k1"), ring.keyIds());
    }

    @Test
    void keyringAndColumnsFromProperties() {
        PiiConfig c = config(Map.of("fupin.pii.keys.k1", K1, "fupin.pii.keys.\"k2\"", K0, "fupin.pii.active-key-id", "k2",
                "fupin.pii.hash-key", HASH,
                "fupin.pii.encrypted-columns.\"household.head_id_encrypted\"", "id",
                "fupin.pii.encrypted-columns.\"import_job_row.payload\"", "job_id,row_number"));
        assertEquals("k2", Keyring.from(c, false).activeKeyId());
        List<KeyRotation.Column> cols = KeyRotation.parse(c.encryptedColumns());
        assertEquals(List.of(new KeyRotation.Column("household", "head_id_encrypted", List.of("id")),
                new KeyRotation.Column("import_job_row", "payload", List.of("job_id", "row_number"))), cols);
    }

    @Test
    void columnNamesMustBePlainIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> KeyRotation.parse(Map.of("household", List.of("id"))));
        assertThrows(IllegalArgumentException.class, () -> KeyRotation.parse(Map.of("household.x; drop table y", List.of("id"))));
        assertThrows(IllegalArgumentException.class, () -> KeyRotation.parse(Map.of("household.head_id_encrypted", List.of("id--"))));
        assertThrows(IllegalArgumentException.class, () -> KeyRotation.parse(Map.of("household.head_id_encrypted", List.of())));
    }
}
