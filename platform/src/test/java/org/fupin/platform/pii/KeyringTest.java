package org.fupin.platform.pii;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.fupin.platform.pii.PersonalDataProtectorTest.HASH;
import static org.fupin.platform.pii.PersonalDataProtectorTest.K0;
import static org.fupin.platform.pii.PersonalDataProtectorTest.K1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fail-closed key configuration: production refuses missing and published keys, with a message saying what to set. */
class KeyringTest {

    static final String OWN = Base64.getEncoder().encodeToString("an-own-production-key-of-32bytes".getBytes(StandardCharsets.US_ASCII));
    static final String OWN_HASH = Base64.getEncoder().encodeToString("an-own-production-hash-key-32byt".getBytes(StandardCharsets.US_ASCII));

    static String refused(Optional<String> legacy, Map<String, String> keys, Optional<String> active, Optional<String> hash, boolean production) {
        return assertThrows(PiiKeyException.class, () -> Keyring.of(legacy, keys, active, hash, production)).getMessage();
    }

    @Test
    void productionWithoutKeysRefusesNamingTheVariables() {
        String m = refused(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), true);
        assertTrue(m.contains("in production"), m);
        assertTrue(m.contains("FUPIN_PII_ENCRYPTION_KEY"), m);
        assertTrue(m.contains("FUPIN_PII_KEYS_<ID>"), m);
        assertTrue(m.contains("FUPIN_PII_ACTIVE_KEY_ID"), m);
        assertTrue(m.contains("FUPIN_PII_HASH_KEY"), m);
        // blank values (an empty Secret) count as missing
        refused(Optional.of(" "), Map.of(), Optional.empty(), Optional.of(""), true);
    }

    @Test
    void productionRefusesThePublishedKeysAsActiveOrHashKey() {
        String m = refused(Optional.of(K0), Map.of(), Optional.empty(), Optional.of(OWN_HASH), true);
        assertTrue(m.contains("published") && m.contains("FUPIN_PII_ENCRYPTION_KEY"), m);
        m = refused(Optional.empty(), Map.of("k1", K1), Optional.of("k1"), Optional.of(OWN_HASH), true);
        assertTrue(m.contains("published") && m.contains("FUPIN_PII_KEYS_K1"), m);
        m = refused(Optional.of(OWN), Map.of(), Optional.empty(), Optional.of(HASH), true);
        assertTrue(m.contains("FUPIN_PII_HASH_KEY") && m.contains("published"), m);
    }

    @Test
    void devAndTestMayUseThePublishedKeys() {
        Keyring ring = Keyring.of(Optional.of(K0), Map.of("k1", K1), Optional.empty(), Optional.of(HASH), false);
        assertEquals("k0", ring.activeKeyId());
        assertTrue(ring.warnings().isEmpty());
    }

    @Test
    void productionStartsWithItsOwnKeysAndMayKeepAPublishedOneOnlyToRotateAwayFromIt() {
        Keyring own = Keyring.of(Optional.of(OWN), Map.of(), Optional.empty(), Optional.of(OWN_HASH), true);
        assertEquals("k0", own.activeKeyId());
        Keyring moving = Keyring.of(Optional.of(K0), Map.of("k1", OWN), Optional.of("k1"), Optional.of(OWN_HASH), true);
        assertEquals("k1", moving.activeKeyId());
        assertEquals(1, moving.warnings().size());
        assertTrue(moving.warnings().get(0).contains("rotation"), moving.warnings().get(0));
    }

    @Test
    void activeKeySelection() {
        assertEquals("k7", Keyring.of(Optional.empty(), Map.of("k7", OWN), Optional.empty(), Optional.of(OWN_HASH), true).activeKeyId());
        String m = refused(Optional.empty(), Map.of("k1", OWN, "k2", K1), Optional.empty(), Optional.of(OWN_HASH), false);
        assertTrue(m.contains("FUPIN_PII_ACTIVE_KEY_ID"), m);
        m = refused(Optional.empty(), Map.of("k1", OWN), Optional.of("k3"), Optional.of(OWN_HASH), false);
        assertTrue(m.contains("'k3'") && m.contains("[k1]"), m);
    }

    @Test
    void malformedKeysAreRefusedWithoutEchoingThem() {
        String m = refused(Optional.of("CHANGE-ME"), Map.of(), Optional.empty(), Optional.of(OWN_HASH), true);
        assertTrue(m.contains("base64 of 32 random bytes"), m);
        assertFalse(m.contains("CHANGE-ME"), m);
        m = refused(Optional.of(Base64.getEncoder().encodeToString(new byte[16])), Map.of(), Optional.empty(), Optional.of(OWN_HASH), true);
        assertTrue(m.contains("base64 of 32 random bytes"), m);
        m = refused(Optional.empty(), Map.of("K:1", OWN), Optional.empty(), Optional.of(OWN_HASH), false);
        assertTrue(m.contains("key id 'K:1'"), m);
        m = refused(Optional.of(OWN), Map.of("k0", K0), Optional.empty(), Optional.of(OWN_HASH), false);
        assertTrue(m.contains("differ"), m);
        m = refused(Optional.of(OWN), Map.of(), Optional.empty(), Optional.of(OWN), false);
        assertTrue(m.contains("must differ from every encryption key"), m);
    }

    @Test
    void aPlainJvmLaunchIsProductionSoThePublishedDefaultsCannotBeUsed() {
        // what `java -jar quarkus-run.jar` sees: neither dev mode nor a test launch
        assertTrue(PersonalDataProtector.isProduction());
        PiiConfig published = PiiConfigTest.config(Map.of("fupin.pii.encryption-key", K0, "fupin.pii.hash-key", HASH));
        PiiKeyException e = assertThrows(PiiKeyException.class, () -> new PersonalDataProtector(published));
        assertTrue(e.getMessage().contains("published"), e.getMessage());
    }
}
