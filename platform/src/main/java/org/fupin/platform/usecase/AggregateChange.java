package org.fupin.platform.usecase;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One change of one aggregate, as a use case hands it to {@link ChangeRecorder} after saving the aggregate: what the
 * domain method decided (its events, the action's name), on which aggregate, at which version, in which region, and the
 * business date the change takes effect.
 *
 * @param aggregateType  e.g. {@code household}; the audit entity type
 * @param aggregateId    the Kafka key and CloudEvents subject of every event
 * @param version        the aggregate's version after the change (the events' {@code ce_aggregateversion})
 * @param regionCode     the aggregate's 12-digit region code
 * @param effectiveDate  the business date of the change (an exit back-dated to 2017-11-30 takes effect then)
 * @param action         the audit action, e.g. {@code household.exited}
 * @param detail         one line for the audit log: no personal data
 * @param events         the event records the domain method returned, appended in this order (may be empty)
 */
public record AggregateChange(String aggregateType, String aggregateId, long version, String regionCode,
                              LocalDate effectiveDate, String action, String detail, List<Object> events) {
    public AggregateChange {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(action, "action");
        events = List.copyOf(events);
    }
}
