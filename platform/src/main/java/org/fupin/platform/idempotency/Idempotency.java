package org.fupin.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code Idempotency-Key} for create endpoints. The key is reserved in the creating transaction; a retry with the same
 * key and the same request gets the resource the first call created, and a concurrent retry waits for the first to
 * commit (the primary key serialises them). The same key with a different request is a 422. Requests are compared as
 * canonical JSON (object properties and map entries sorted by name), so the order a client sends its fields or map
 * entries in does not make the same request look different.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;

    private ObjectMapper canonical;

    @PostConstruct
    void init() {
        canonical = canonicalMapper(json);
    }

    /** The application's mapper (its modules), writing and reading canonically: sorted keys, exact decimals. */
    static ObjectMapper canonicalMapper(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.setConfig(mapper.getSerializationConfig().with(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).without(SerializationFeature.INDENT_OUTPUT));
        mapper.setConfig(mapper.getDeserializationConfig().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
        return mapper;
    }

    /** The request as canonical JSON: the same content gives the same text whatever the order of its keys. */
    public String canonicalJson(Object request) {
        return canonicalJson(canonical, request);
    }

    static String canonicalJson(ObjectMapper canonical, Object request) {
        try {
            // through a tree of plain maps, so maps nested anywhere (and JSON text given as a string) are sorted too
            Object tree = request instanceof String text ? readOrNull(canonical, text) : canonical.convertValue(request, Object.class);
            return tree == null ? (String) request : canonical.writeValueAsString(tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot write the request as JSON", e);
        }
    }

    private static Object readOrNull(ObjectMapper canonical, String text) {
        try {
            return canonical.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return null; // not JSON: the text itself is the fingerprint
        }
    }

    /**
     * {@link #reserve(String, String, String)} for a request object, compared as canonical JSON. Only for requests that
     * hold nothing personal: the fingerprint's plain SHA-256 could be tested against guesses.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> reserve(String key, String operation, Object request) {
        return reserve(key, operation, canonicalJson(request));
    }

    /**
     * @return the id of the resource an earlier request with this key created, or empty when this request goes ahead
     * (then call {@link #complete}). A fingerprint that is JSON is compared in canonical form.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> reserve(String key, String operation, String requestFingerprint) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ApiProblem.validation(HEADER, "must be 1 to 200 characters");
        }
        String principal = audit.actor();
        String hash = sha256(canonicalJson(canonical, requestFingerprint));
        int inserted = em.createNativeQuery("insert into idempotency_record (principal, operation, idem_key, request_hash)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, principal).setParameter(2, operation).setParameter(3, key).setParameter(4, hash)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, resource_id from idempotency_record"
                        + " where principal = ?1 and operation = ?2 and idem_key = ?3")
                .setParameter(1, principal).setParameter(2, operation).setParameter(3, key).getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ApiProblem.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request.").withField(HEADER);
        }
        return Optional.ofNullable((String) row[1]);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String key, String operation, String resourceId) {
        if (key == null) {
            return;
        }
        em.createNativeQuery("update idempotency_record set resource_id = ?1 where principal = ?2 and operation = ?3 and idem_key = ?4")
                .setParameter(1, resourceId).setParameter(2, audit.actor()).setParameter(3, operation).setParameter(4, key)
                .executeUpdate();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
