package org.fupin.platform.pii;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.fupin.platform.pii.PersonalDataProtectorTest.HASH;
import static org.fupin.platform.pii.PersonalDataProtectorTest.K0;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up check, in a plain JVM launch (production): it stops a service that stores personal data on bad keys. */
class PiiStartupCheckTest {

    static PiiStartupCheck check(Map<String, String> properties) {
        PiiStartupCheck check = new PiiStartupCheck();
        check.config = PiiConfigTest.config(properties);
        check.protector = () -> new PersonalDataProtector(check.config);
        return check;
    }

    @Test
    void aServiceWithPersonalDataAndNoKeysDoesNotStart() {
        PiiStartupCheck check = check(Map.of("fupin.pii.encrypted-columns.\"household.head_id_encrypted\"", "id"));
        PiiKeyException e = assertThrows(PiiKeyException.class, () -> check.onStart(null));
        assertTrue(e.getMessage().contains("FUPIN_PII_ENCRYPTION_KEY"), e.getMessage());
    }

    @Test
    void aServiceWithPersonalDataAndThePublishedKeysDoesNotStart() {
        Map<String, String> p = new HashMap<>(Map.of("fupin.pii.encrypted-columns.\"household.head_id_encrypted\"", "id",
                "fupin.pii.encryption-key", K0, "fupin.pii.hash-key", HASH));
        PiiKeyException e = assertThrows(PiiKeyException.class, () -> check(p).onStart(null));
        assertTrue(e.getMessage().contains("published"), e.getMessage());
    }

    @Test
    void aServiceWithoutPersonalDataNeedsNoKeys() {
        assertDoesNotThrow(() -> check(Map.of()).onStart(null));
    }

    @Test
    void aMistypedColumnListDoesNotStart() {
        assertThrows(IllegalArgumentException.class, () -> check(Map.of("fupin.pii.encrypted-columns.\"household\"", "id")).onStart(null));
    }
}
