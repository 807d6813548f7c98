package org.fupin.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event record with its CloudEvents {@code type} (versioned, e.g. {@code household.registered.v1}), its
 * aggregate type and its topic. The JSON Schema lives at {@code /schemas/<type>.json} in this module.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();

    String aggregate();

    String topic();
}
