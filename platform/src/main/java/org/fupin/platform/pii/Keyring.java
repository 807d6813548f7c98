package org.fupin.platform.pii;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The encryption keys by id, the active one, and the hash key, checked once when built.
 * <p>
 * Fail-closed: outside dev and test ({@code production}) a missing key, or a key published in this repository (the
 * local-run and test keys), stops the service with a message naming the variables to set. A published key may still be
 * listed as an <em>old</em> key there, so rows written with it can be read and rotated away from it; never as the
 * active key, nor as the hash key.
 */
public final class Keyring {

    /** The id of the first release's single key; ciphertexts without a key id were written with it. */
    public static final String LEGACY_KEY_ID = "k0";

    static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,16}");

    /** Keys committed to this repository (platform microprofile-config.properties, tests, docs): never secret. */
    static final Set<String> PUBLISHED = Set.of(
            "bG9jYWwtb25seS1lbmNyeXB0aW9uLWtleS0zMmJ5dGU=", // local-only-encryption-key-32byte (k0 of dev and test)
            "bG9jYWwtb25seS1sb29rdXAtaGFzaC1rZXktMzJieXQ=", // local-only-lookup-hash-key-32byt (hash key of dev and test)
            "dGVzdC1vbmx5LXJvdGF0aW9uLWtleS1rMS0zMmJ5dGU="  // test-only-rotation-key-k1-32byte (k1 of tests)
    );

    private final Map<String, SecretKeySpec> encryption;
    private final String activeKeyId;
    private final SecretKeySpec hash;
    private final List<String> warnings;

    private Keyring(Map<String, SecretKeySpec> encryption, String activeKeyId, SecretKeySpec hash, List<String> warnings) {
        this.encryption = Collections.unmodifiableMap(encryption);
        this.activeKeyId = activeKeyId;
        this.hash = hash;
        this.warnings = List.copyOf(warnings);
    }

    public static Keyring from(PiiConfig config, boolean production) {
        return of(config.encryptionKey(), config.keys(), config.activeKeyId(), config.hashKey(), production);
    }

    /**
     * @param legacyKey  {@code fupin.pii.encryption-key}, the key with id {@value #LEGACY_KEY_ID}
     * @param keys       {@code fupin.pii.keys.<id>}
     * @param production true outside dev and test: published keys are refused
     * @throws PiiKeyException naming every problem found and the variables that fix them
     */
    public static Keyring of(Optional<String> legacyKey, Map<String, String> keys, Optional<String> activeKeyId, Optional<String> hashKey,
                             boolean production) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> encoded = new TreeMap<>();
        keys.forEach((id, value) -> {
            if (!KEY_ID.matcher(id).matches()) {
                problems.add("key id '" + id + "' of fupin.pii.keys must match " + KEY_ID.pattern());
            } else if (!blank(value)) {
                encoded.put(id, value.trim());
            }
        });
        legacyKey.filter(v -> !blank(v)).map(String::trim).ifPresent(v -> {
            String other = encoded.put(LEGACY_KEY_ID, v);
            if (other != null && !other.equals(v)) {
                problems.add("fupin.pii.encryption-key (FUPIN_PII_ENCRYPTION_KEY) and fupin.pii.keys." + LEGACY_KEY_ID
                        + " (FUPIN_PII_KEYS_K0) are two names of key " + LEGACY_KEY_ID + " but differ: set one of them");
            }
        });

        String active = activeKeyId.filter(v -> !blank(v)).map(String::trim).orElse(null);
        if (encoded.isEmpty()) {
            problems.add("no encryption key: set FUPIN_PII_ENCRYPTION_KEY (fupin.pii.encryption-key), or a keyring"
                    + " FUPIN_PII_KEYS_<ID> (fupin.pii.keys.<id>) with FUPIN_PII_ACTIVE_KEY_ID (fupin.pii.active-key-id),"
                    + " each key base64 of 32 random bytes (openssl rand -base64 32)");
        } else if (active == null) {
            if (encoded.containsKey(LEGACY_KEY_ID)) {
                active = LEGACY_KEY_ID;
            } else if (encoded.size() == 1) {
                active = encoded.keySet().iterator().next();
            } else {
                problems.add("several keys " + encoded.keySet() + " and no FUPIN_PII_ACTIVE_KEY_ID (fupin.pii.active-key-id):"
                        + " name the key new values are encrypted with");
            }
        } else if (!encoded.containsKey(active)) {
            problems.add("FUPIN_PII_ACTIVE_KEY_ID (fupin.pii.active-key-id) is '" + active + "' but the keyring holds only "
                    + encoded.keySet());
        }

        Map<String, SecretKeySpec> specs = new TreeMap<>();
        for (Map.Entry<String, String> e : encoded.entrySet()) {
            String name = e.getKey().equals(LEGACY_KEY_ID) ? "key " + LEGACY_KEY_ID + " (FUPIN_PII_ENCRYPTION_KEY or FUPIN_PII_KEYS_K0)"
                    : "key " + e.getKey() + " (FUPIN_PII_KEYS_" + e.getKey().toUpperCase() + ")";
            byte[] raw = decode(e.getValue(), name, problems);
            if (raw == null) {
                continue;
            }
            if (production && PUBLISHED.contains(e.getValue())) {
                if (e.getKey().equals(active)) {
                    problems.add(name + " is the published local-run/test key and is the active key: set a key of your own"
                            + " (openssl rand -base64 32) and make it active with FUPIN_PII_ACTIVE_KEY_ID");
                } else {
                    warnings.add(name + " is a published key, kept only to read old rows: run a key rotation"
                            + " (POST /api/v1/admin/pii/rotation), then remove it");
                }
            }
            specs.put(e.getKey(), new SecretKeySpec(raw, "AES"));
        }

        SecretKeySpec hash = null;
        String hashValue = hashKey.filter(v -> !blank(v)).map(String::trim).orElse(null);
        if (hashValue == null) {
            problems.add("no hash key: set FUPIN_PII_HASH_KEY (fupin.pii.hash-key), base64 of 32 random bytes");
        } else {
            byte[] raw = decode(hashValue, "FUPIN_PII_HASH_KEY (fupin.pii.hash-key)", problems);
            if (raw != null) {
                if (production && PUBLISHED.contains(hashValue)) {
                    problems.add("FUPIN_PII_HASH_KEY (fupin.pii.hash-key) is the published local-run/test key: set a key of your own");
                }
                if (encoded.containsValue(hashValue)) {
                    problems.add("FUPIN_PII_HASH_KEY (fupin.pii.hash-key) must differ from every encryption key");
                }
                hash = new SecretKeySpec(raw, "HmacSHA256");
            }
        }

        if (!problems.isEmpty()) {
            throw new PiiKeyException("keys for personal data (fupin.pii.*) are not usable" + (production ? " in production" : "")
                    + ": " + String.join("; ", problems));
        }
        return new Keyring(specs, active, hash, warnings);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] decode(String base64, String name, List<String> problems) {
        try {
            byte[] raw = Base64.getDecoder().decode(base64);
            if (raw.length == 32) {
                return raw;
            }
            Arrays.fill(raw, (byte) 0);
        } catch (IllegalArgumentException e) {
            // reported below, without echoing the value
        }
        problems.add(name + " must be base64 of 32 random bytes (openssl rand -base64 32)");
        return null;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public SecretKeySpec active() {
        return encryption.get(activeKeyId);
    }

    /** The key of that id, or empty if it is not (or no longer) in the ring. */
    public Optional<SecretKeySpec> key(String id) {
        return Optional.ofNullable(encryption.get(id));
    }

    public Set<String> keyIds() {
        return encryption.keySet();
    }

    public SecretKeySpec hashKey() {
        return hash;
    }

    /** Things worth a warning at start-up that do not stop the service. */
    public List<String> warnings() {
        return warnings;
    }

    /** Additional authenticated data of a v1 ciphertext: its header, so a key id cannot be swapped unnoticed. */
    static byte[] aad(String keyId) {
        return ("v1:" + keyId + ":").getBytes(StandardCharsets.US_ASCII);
    }
}
