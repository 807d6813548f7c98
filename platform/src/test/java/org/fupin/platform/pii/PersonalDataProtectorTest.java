package org.fupin.platform.pii;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stored format, reading the first release's values, and choosing keys from the ring. */
class PersonalDataProtectorTest {

    static final String K0 = "bG9jYWwtb25seS1lbmNyeXB0aW9uLWtleS0zMmJ5dGU="; // the published dev/test key
    static final String K1 = "dGVzdC1vbmx5LXJvdGF0aW9uLWtleS1rMS0zMmJ5dGU=";
    static final String K2 = Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes(StandardCharsets.US_ASCII));
    static final String HASH = "bG9jYWwtb25seS1sb29rdXAtaGFzaC1rZXktMzJieXQ=";
    static final String ID = "52242819800101123X";

    static PersonalDataProtector protector(Optional<String> legacy, Map<String, String> keys, String active) {
        return new PersonalDataProtector(Keyring.of(legacy, keys, Optional.ofNullable(active), Optional.of(HASH), false));
    }

    /** Exactly what the first release wrote: base64(iv | ciphertext | tag), no header, no additional data. */
    static String firstReleaseEncrypt(String base64Key, String value) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }

    @Test
    void ciphertextCarriesVersionAndKeyIdAndIsFreshEachTime() {
        PersonalDataProtector p = protector(Optional.of(K0), Map.of("k1", K1), "k1");
        String a = p.encrypt(ID);
        String b = p.encrypt(ID);
        assertTrue(a.matches("v1:k1:[A-Za-z0-9+/]+=*"), a);
        assertNotEquals(a, b, "random IV");
        assertFalse(a.contains(ID));
        assertEquals("k1", PersonalDataProtector.keyIdOf(a));
        assertEquals(ID, p.decrypt(a));
        // 12 bytes IV + 18 bytes + 16 bytes tag
        assertEquals(46, Base64.getDecoder().decode(a.substring("v1:k1:".length())).length);
    }

    @Test
    void valuesOfTheFirstReleaseStillDecryptWithKeyK0() throws Exception {
        String old = firstReleaseEncrypt(K0, ID);
        assertEquals("k0", PersonalDataProtector.keyIdOf(old));
        // from the single legacy setting, and from a keyring where k0 is no longer active
        assertEquals(ID, protector(Optional.of(K0), Map.of(), null).decrypt(old));
        assertEquals(ID, protector(Optional.empty(), Map.of("k0", K0, "k1", K1), "k1").decrypt(old));
        assertTrue(protector(Optional.of(K0), Map.of("k1", K1), "k1").needsRotation(old));
    }

    @Test
    void theLegacyKeyAloneIsActiveAsK0() {
        PersonalDataProtector p = protector(Optional.of(K0), Map.of(), null);
        assertEquals("k0", p.activeKeyId());
        assertTrue(p.encrypt(ID).startsWith("v1:k0:"));
    }

    @Test
    void eachValueIsReadWithTheKeyItNamesAndWrittenWithTheActiveOne() {
        PersonalDataProtector before = protector(Optional.of(K0), Map.of("k1", K1), "k0");
        PersonalDataProtector after = protector(Optional.of(K0), Map.of("k1", K1, "k2", K2), "k2");
        String underK0 = before.encrypt(ID);
        String underK1 = protector(Optional.empty(), Map.of("k1", K1), null).encrypt(ID);
        assertEquals(ID, after.decrypt(underK0));
        assertEquals(ID, after.decrypt(underK1));
        String rotated = after.reencrypt(underK1);
        assertTrue(rotated.startsWith("v1:k2:"));
        assertFalse(after.needsRotation(rotated));
        assertTrue(after.needsRotation(underK0));
        assertEquals(ID, after.decrypt(rotated));
    }

    @Test
    void aValueOfAKeyNoLongerInTheRingIsRefusedNamingTheKey() {
        String underK1 = protector(Optional.empty(), Map.of("k1", K1), null).encrypt(ID);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> protector(Optional.of(K0), Map.of(), null).decrypt(underK1));
        assertTrue(e.getMessage().contains("key k1 is not in the keyring"), e.getMessage());
        assertFalse(e.getMessage().contains(ID));
    }

    @Test
    void theKeyIdIsAuthenticated() {
        // the same bytes under both ids: relabelling a value must not make it decrypt under another id
        PersonalDataProtector p = protector(Optional.empty(), Map.of("k1", K1, "k9", K1), "k1");
        String v = p.encrypt(ID);
        assertThrows(IllegalStateException.class, () -> p.decrypt("v1:k9:" + v.substring("v1:k1:".length())));
        assertThrows(IllegalStateException.class, () -> p.decrypt("v1:k1:AAAA"));
        assertThrows(IllegalStateException.class, () -> p.decrypt("not base64 at all {}"));
    }

    @Test
    void hashIsKeyedAndStableAcrossEncryptionKeyChanges() {
        String h0 = protector(Optional.of(K0), Map.of(), null).hash(ID);
        String h2 = protector(Optional.of(K0), Map.of("k2", K2), "k2").hash(ID);
        assertEquals(h0, h2);
        assertEquals(64, h0.length());
        PersonalDataProtector otherHash = new PersonalDataProtector(Keyring.of(Optional.of(K0), Map.of(), Optional.empty(), Optional.of(K2), false));
        assertNotEquals(h0, otherHash.hash(ID));
    }
}
