package org.fupin.platform.pii;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
 * Keys come from configuration ({@code fupin.pii.*}, base64 of 32 bytes); production sets its own.
 */
@ApplicationScoped
public class PersonalDataProtector {

    @ConfigMapping(prefix = "fupin.pii")
    public interface Keys {
        /** base64 of 32 random bytes */
        String encryptionKey();

        /** base64 of 32 random bytes */
        String hashKey();
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;

    /** The published key of the local run and tests (platform microprofile-config.properties). */
    private static final String LOCAL_ENCRYPTION_KEY = "bG9jYWwtb25seS1lbmNyeXB0aW9uLWtleS0zMmJ5dGU=";

    @Inject
    public PersonalDataProtector(Keys keys) {
        if (LOCAL_ENCRYPTION_KEY.equals(keys.encryptionKey()) && io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.NORMAL) {
            org.jboss.logging.Logger.getLogger(PersonalDataProtector.class).warn("fupin.pii.* keys are the published local-run keys:"
                    + " set FUPIN_PII_ENCRYPTION_KEY and FUPIN_PII_HASH_KEY in production");
        }
        this.encryptionKey = new SecretKeySpec(decode(keys.encryptionKey(), "fupin.pii.encryption-key"), "AES");
        this.hashKey = new SecretKeySpec(decode(keys.hashKey(), "fupin.pii.hash-key"), "HmacSHA256");
    }

    private static byte[] decode(String base64, String name) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalStateException(name + " must be base64 of 32 bytes");
        }
        return key;
    }

    /** Keyed hash, hex: equal inputs give equal hashes, and nobody without the key can test a guess. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(String value) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored personal identifier", e);
        }
    }
}
