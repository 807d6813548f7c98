package org.fupin.platform.inbox;

/**
 * The service stopped while a record waited for a transient failure to pass. The record was not applied; it is
 * neither dead-lettered nor committed ({@link InboxFailureStrategy} stops the channel), so it is consumed again on the
 * next start.
 */
public class InboxStoppedException extends RuntimeException {

    public InboxStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
