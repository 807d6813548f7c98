package org.fupin.project.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GB 32100-2015: check = 31 - Σ(value × 3^(i-1) mod 31) mod 31 over the 31-character set (no I, O, S, V, Z). */
class UnifiedSocialCreditCodeTest {

    /** Check characters computed independently (a short script of the standard's formula), covering 0, digits and letters. */
    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "91520000214400044R", "12522428MB1234567F",
            "52522428MJY000000U", "91522428MA6DL00015", "93522428MA6H00012J", "11100000000013127D", "91522428MA6DL00290",
            "91522428MA6DL0019Y"})
    void validCodes(String code) {
        assertTrue(UnifiedSocialCreditCode.isValid(code), code);
        assertEquals(code.charAt(17), UnifiedSocialCreditCode.checkCharacter(code.substring(0, 17)));
        assertEquals(code, UnifiedSocialCreditCode.parse(code.toLowerCase()).value(), "lower case is accepted and normalised");
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        assertEquals("the check character does not match (GB 32100-2015)",
                UnifiedSocialCreditCode.problem("91350100M000100Y44").orElseThrow());
        assertFalse(UnifiedSocialCreditCode.isValid("91522428MA6DL00010"));
        // two neighbouring characters swapped
        assertFalse(UnifiedSocialCreditCode.isValid("19350100M000100Y43"));
    }

    @Test
    void shapeErrorsAreNamed() {
        assertEquals("must be 18 characters", UnifiedSocialCreditCode.problem("91350100M000100Y4").orElseThrow());
        assertEquals("must be 18 characters", UnifiedSocialCreditCode.problem(null).orElseThrow());
        assertTrue(UnifiedSocialCreditCode.problem("91350100M000100I43").orElseThrow().contains("character 16"));
        assertTrue(UnifiedSocialCreditCode.problem("9135O100M000100Y43").orElseThrow().contains("character 5"));
        assertEquals("characters 3-8 must be the digits of a region code",
                UnifiedSocialCreditCode.problem("913501A0M000100Y43").orElseThrow());
    }
}
