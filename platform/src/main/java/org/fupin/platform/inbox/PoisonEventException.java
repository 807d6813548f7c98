package org.fupin.platform.inbox;

/**
 * A consumed record that can never succeed: unparseable, of an unknown type, not valid against its schema, without
 * its CloudEvents headers, or refused by a projection as a contract violation. Thrown by a projection (or by the
 * {@link BatchInbox} itself), it sends the record to the dead-letter topic at once, without retries, and alone: the
 * inbox splits a batch to isolate it and sends the record itself. The inbox never lets it reach the channel's failure
 * strategy ({@link InboxFailureStrategy}), which would dead-letter every record of the batch.
 * <p>
 * It extends {@link IllegalArgumentException} so that code written against {@code InboundEvent.from}'s former
 * contract keeps working.
 */
public class PoisonEventException extends IllegalArgumentException {

    public PoisonEventException(String message) {
        super("poison: " + message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super("poison: " + message, cause);
    }
}
