package org.fupin.rectification.domain;

import java.time.LocalDate;

/**
 * A system-check rule's condition holds for an object: the key that deduplicates it ({@code <rule>:<object id>}, one
 * open issue per key), the object, its region, since when the condition holds, and a description for the issue.
 */
public record Finding(SystemCheckRule rule, String key, String objectId, String regionCode, LocalDate since,
                      String description) {
}
