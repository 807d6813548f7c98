package org.fupin.platform.pii;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Personal identifiers (resident ID numbers, 居民身份证号码) at rest: AES-256-GCM encryption for the stored value and
 * an HMAC-SHA256 keyed hash for look-ups and uniqueness, so the database never holds a readable or guessable ID number.
 * <p>
 * Stored form: {@code v1:<keyId>:<base64(iv | ciphertext | tag)>}, the header bound to the ciphertext as GCM additional
 * data. A value without the header (written before key ids existed) is {@code base64(iv | ciphertext | tag)} under key
 * {@value Keyring#LEGACY_KEY_ID}, and stays readable, so no migration is needed. Keys come from configuration
 * ({@link PiiConfig}); outside dev and test published keys are refused ({@link Keyring}).
 */
@ApplicationScoped
public class PersonalDataProtector {

    private static final Logger LOG = Logger.getLogger(PersonalDataProtector.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String V1 = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Keyring keyring;

    @Inject
    public PersonalDataProtector(PiiConfig config) {
        this(Keyring.from(config, isProduction()));
        keyring.warnings().forEach(w -> LOG.warn("fupin.pii: " + w));
    }

    public PersonalDataProtector(Keyring keyring) {
        this.keyring = keyring;
    }

    /** Production is every launch that is not dev mode or a test: fail closed. */
    static boolean isProduction() {
        return LaunchMode.current() == LaunchMode.NORMAL;
    }

    /**
     * Keyed hash, hex: equal inputs give equal hashes, and nobody without the key can test a guess.
     * <p>
     * One key, not rotated: the hash is what uniqueness (one person, one household) and look-ups compare, and derived
     * values leave the service as pseudonymous person ids in events that other services keep. A new hash key would
     * need every hash recomputed from the decrypted values in one step and every consumer's person ids remapped; a
     * leaked hash key alone reveals no ID number (the encrypted value holds it), it only allows testing guesses.
     */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keyring.hashKey());
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encrypts with the active key: {@code v1:<keyId>:<base64>}. */
    public String encrypt(String value) {
        String keyId = keyring.activeKeyId();
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyring.active(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(Keyring.aad(keyId));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return V1 + keyId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts a value written with any key of the ring, with or without a key id. */
    public String decrypt(String stored) {
        String keyId = keyIdOf(stored);
        SecretKeySpec key = keyring.key(keyId).orElseThrow(() -> new IllegalStateException(
                "cannot decrypt a stored personal identifier: key " + keyId + " is not in the keyring (fupin.pii.keys)"));
        boolean v1 = stored.startsWith(V1);
        try {
            byte[] all = Base64.getDecoder().decode(v1 ? stored.substring(V1.length() + keyId.length() + 1) : stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            if (v1) {
                cipher.updateAAD(Keyring.aad(keyId));
            }
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("cannot decrypt a stored personal identifier (key " + keyId + ")", e);
        }
    }

    /** The key id a stored value was written with ({@value Keyring#LEGACY_KEY_ID} for values without one). */
    public static String keyIdOf(String stored) {
        if (stored.startsWith(V1)) {
            int end = stored.indexOf(':', V1.length());
            if (end > V1.length()) {
                return stored.substring(V1.length(), end);
            }
        }
        return Keyring.LEGACY_KEY_ID;
    }

    /** Whether a stored value is under another key than the active one, i.e. a rotation would re-encrypt it. */
    public boolean needsRotation(String stored) {
        return !stored.startsWith(activePrefix());
    }

    /** What every value encrypted with the active key starts with. */
    public String activePrefix() {
        return V1 + keyring.activeKeyId() + ":";
    }

    public String activeKeyId() {
        return keyring.activeKeyId();
    }

    /** The same value under the active key. */
    public String reencrypt(String stored) {
        return encrypt(decrypt(stored));
    }
}
