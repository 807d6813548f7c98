package org.fupin.platform.idempotency;

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
 * commit (the primary key serialises them). The same key with a different request is a 422.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;

    /**
     * @return the id of the resource an earlier request with this key created, or empty when this request goes ahead
     * (then call {@link #complete}).
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
        String hash = sha256(requestFingerprint);
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
