package org.fupin.platform.pii;

/** The configured keys cannot be used: thrown at start-up, so a service never runs on missing or published keys. */
public class PiiKeyException extends IllegalStateException {
    public PiiKeyException(String message) {
        super(message);
    }
}
