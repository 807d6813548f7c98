package org.fupin.household.pii;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.fupin.household.Fixtures;
import org.fupin.platform.pii.Keyring;
import org.fupin.platform.pii.PersonalDataProtector;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key rotation while the registry is in use: rows written with the old key (the first release's format without a key
 * id, and v1 under k0) are re-encrypted with k1 while households are registered and every household is read back
 * unmasked; no read fails or returns a wrong number, and in the end no stored value uses k0.
 */
@QuarkusTest
@TestProfile(KeyRotationProfile.class)
class KeyRotationTest {

    static final String K0 = "bG9jYWwtb25seS1lbmNyeXB0aW9uLWtleS0zMmJ5dGU="; // the %test key k0 (platform config)
    static final String HASH = "bG9jYWwtb25seS1sb29rdXAtaGFzaC1rZXktMzJieXQ=";
    static final String PATH = "/api/v1/admin/pii/rotation";
    static final String ADMIN = Tokens.bearer("key-keeper", "52", Roles.PII_ADMIN);
    static final String READER = Tokens.bearer("auditor", "5224", Roles.HOUSEHOLD_VIEWER, Roles.PII_VIEWER);

    @Inject
    AgroalDataSource db;
    @Inject
    PersonalDataProtector pii;

    /** household id -> its members' ID numbers, head first */
    final Map<String, List<String>> expected = new ConcurrentHashMap<>();

    @Test
    void rotationReencryptsOldRowsWhileHouseholdsAreRegisteredAndReadAndLeavesNothingUnderTheOldKey() throws Exception {
        assertEquals("k1", pii.activeKeyId());
        given().header("Authorization", READER).get(PATH).then().statusCode(403);
        given().header("Authorization", READER).post(PATH).then().statusCode(403);

        // rows written before the new key: half in the first release's format, half as v1 under k0
        PersonalDataProtector k0 = new PersonalDataProtector(Keyring.of(Optional.of(K0), Map.of(), Optional.empty(), Optional.of(HASH), false));
        for (int i = 0; i < 24; i++) {
            String id = register();
            boolean legacy = i % 2 == 0;
            rewrite(id, v -> legacy ? firstReleaseEncrypt(K0, v) : k0.encrypt(v));
        }
        JsonPath before = given().header("Authorization", ADMIN).get(PATH).then().statusCode(200).extract().jsonPath();
        assertEquals("k1", before.getString("activeKeyId"));
        assertTrue(before.getLong("remaining") >= 96, "24 heads and 72 members under k0: " + before.prettify());
        assertTrue(before.getLong("columns.find { it.column == 'id_encrypted' }.rowsByKeyId.k0") >= 72, before.prettify());
        readAllAndCompare();

        given().header("Authorization", ADMIN).post(PATH).then().statusCode(202).header("Location", org.hamcrest.Matchers.endsWith(PATH)).body("state", equalTo("RUNNING"));
        // a second start while running is the same job
        given().header("Authorization", ADMIN).post(PATH).then().statusCode(202).body("state", equalTo("RUNNING"));

        // traffic until the rotation has finished: each round registers one household and reads every one back
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicInteger roundsWhileRunning = new AtomicInteger();
        List<Long> remainingSeen = new CopyOnWriteArrayList<>();
        Future<?> traffic = pool.submit(() -> {
            while (true) {
                JsonPath s = given().header("Authorization", ADMIN).get(PATH).then().statusCode(200).extract().jsonPath();
                if (!"RUNNING".equals(s.getString("state"))) {
                    return null;
                }
                remainingSeen.add(s.getLong("remaining"));
                register();
                readAllAndCompare();
                roundsWhileRunning.incrementAndGet();
            }
        });
        try {
            // the whole database is rotated, including other test classes' rows
            await().atMost(Duration.ofMinutes(5)).until(traffic::isDone);
            traffic.get(); // rethrows a failed read
        } finally {
            pool.shutdownNow();
        }
        assertTrue(roundsWhileRunning.get() >= 1, "traffic overlapped the rotation: " + roundsWhileRunning + " rounds");
        assertTrue(remainingSeen.get(0) > 0, "old rows were left when traffic started: " + remainingSeen);

        JsonPath after = given().header("Authorization", ADMIN).get(PATH).then().statusCode(200).extract().jsonPath();
        assertEquals("DONE", after.getString("state"), after.prettify());
        assertEquals(0L, after.getLong("remaining") - after.getLong("undecryptable"), after.prettify());
        assertTrue(after.getLong("reencrypted") >= 96, after.prettify());
        readAllAndCompare();

        // nothing stored under k0 any more, in any format
        assertEquals(0, count("select count(*) from household where not starts_with(head_id_encrypted, 'v1:k1:')"));
        assertEquals(0, count("select count(*) from household_member where not starts_with(id_encrypted, 'v1:k1:')"));
        assertEquals(0, count("select count(*) from import_job_row where starts_with(payload, 'v1:') and not starts_with(payload, 'v1:k1:')"));
        // a payload stored by an older import in clear is no ciphertext: counted as undecryptable and left alone
        for (String payload : strings("select payload from import_job_row where payload <> '' and not starts_with(payload, 'v1:')")) {
            assertThrows(IllegalStateException.class, () -> pii.decrypt(payload));
        }
        assertEquals(1, count("select count(*) from audit_log where action = 'PII_KEY_ROTATION_STARTED' and actor = 'key-keeper'"));
    }

    String register() {
        Map<String, Object> body = Fixtures.household(Fixtures.VILLAGE, 3, "90000.00");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) body.get("members");
        String id = Fixtures.imported(body);
        expected.put(id, members.stream().map(m -> (String) m.get("residentId")).toList());
        return id;
    }

    void readAllAndCompare() {
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            JsonPath h = given().header("Authorization", READER).get("/api/v1/households/" + e.getKey()).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(e.getValue().get(0), h.getString("headResidentId"), "head of " + e.getKey());
            assertEquals(new HashSet<>(e.getValue()), new HashSet<>(h.getList("members.residentId", String.class)), "members of " + e.getKey());
        }
    }

    interface Encrypt {
        String apply(String value) throws Exception;
    }

    /** Stores a household's ID numbers as an older release would have. */
    void rewrite(String household, Encrypt encrypt) throws Exception {
        try (Connection c = db.getConnection()) {
            List<String[]> members = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id::text, id_encrypted from household_member where household_id = ?::uuid")) {
                ps.setString(1, household);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        members.add(new String[]{rs.getString(1), rs.getString(2)});
                    }
                }
            }
            assertEquals(3, members.size());
            for (String[] m : members) {
                try (PreparedStatement ps = c.prepareStatement("update household_member set id_encrypted = ? where id = ?::uuid")) {
                    ps.setString(1, encrypt.apply(pii.decrypt(m[1])));
                    ps.setString(2, m[0]);
                    assertEquals(1, ps.executeUpdate());
                }
            }
            String head;
            try (PreparedStatement ps = c.prepareStatement("select head_id_encrypted from household where id = ?::uuid")) {
                ps.setString(1, household);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    head = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update household set head_id_encrypted = ? where id = ?::uuid")) {
                ps.setString(1, encrypt.apply(pii.decrypt(head)));
                ps.setString(2, household);
                assertEquals(1, ps.executeUpdate());
            }
        }
    }

    /** Exactly what the first release wrote: base64(iv | ciphertext | tag), no key id. */
    static String firstReleaseEncrypt(String base64Key, String value) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
        String stored = Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        assertFalse(stored.startsWith("v1:"));
        return stored;
    }

    long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
