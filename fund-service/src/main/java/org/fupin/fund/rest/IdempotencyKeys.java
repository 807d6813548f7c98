package org.fupin.fund.rest;

import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.problem.ApiProblem;

/** Every POST of the fund ledger moves money: it must carry an Idempotency-Key (428 when it does not). */
final class IdempotencyKeys {
    private IdempotencyKeys() {
    }

    static String required(String key) {
        if (key == null || key.isBlank()) {
            throw new ApiProblem(428, ApiProblem.TYPE_BASE + "idempotency-key-required", "Precondition required",
                    "Send an " + Idempotency.HEADER + " header (e.g. a UUID) with every request that records money, so a "
                            + "retried request is recorded once.").withField(Idempotency.HEADER);
        }
        return key;
    }
}
