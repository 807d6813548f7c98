package org.fupin.platform.pii;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys for personal identifiers at rest, and the columns a service stores them in.
 * <p>
 * Outside dev and test there are no defaults: a service that stores personal data refuses to start without its own
 * keys, or with a key published in this repository (see {@link Keyring}).
 */
@ConfigMapping(prefix = "fupin.pii")
public interface PiiConfig {

    /**
     * The single key of the first release (env {@code FUPIN_PII_ENCRYPTION_KEY}), base64 of 32 bytes. It is the key
     * with id {@value Keyring#LEGACY_KEY_ID}: ciphertexts stored without a key id were written with it.
     */
    Optional<String> encryptionKey();

    /**
     * The keyring: key id ({@code [a-z0-9]{1,16}}) to base64 of 32 bytes, e.g. {@code fupin.pii.keys.k1=...}
     * (env {@code FUPIN_PII_KEYS_K1}). Old keys stay here, for reading, until a rotation has re-encrypted their rows.
     */
    Map<String, String> keys();

    /**
     * The key new values are encrypted with (env {@code FUPIN_PII_ACTIVE_KEY_ID}). Default: {@value Keyring#LEGACY_KEY_ID}
     * if it is configured, else the only key of the ring.
     */
    Optional<String> activeKeyId();

    /**
     * HMAC-SHA256 key of look-up hashes and pseudonymous person ids (env {@code FUPIN_PII_HASH_KEY}), base64 of 32 bytes.
     * One key, never rotated: see {@link PersonalDataProtector#hash(String)}.
     */
    Optional<String> hashKey();

    /**
     * The columns this service stores encrypted values in, as {@code "table.column"} = its primary-key columns, e.g.
     * {@code fupin.pii.encrypted-columns."household.head_id_encrypted"=id}. A service that lists any checks its keys at
     * start-up, and {@link KeyRotation} re-encrypts exactly these columns.
     */
    Map<String, List<String>> encryptedColumns();

    Rotation rotation();

    interface Rotation {
        /** Rows re-encrypted per transaction: small, so row locks are held only briefly. */
        @WithDefault("200")
        int batchSize();

        /** Pause between batches, to bound the load a rotation adds to a busy database. */
        @WithDefault("PT0S") // ISO-8601, also parsed outside Quarkus
        Duration pause();
    }
}
