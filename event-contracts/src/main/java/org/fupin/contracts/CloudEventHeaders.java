package org.fupin.contracts;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_*} headers, the record value is
 * the event's JSON and the record key is the aggregate id.
 */
public final class CloudEventHeaders {
    private CloudEventHeaders() {
    }

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension: the 12-digit region code (统计用区划代码) the aggregate belongs to. */
    public static final String REGION_CODE = "ce_regioncode";
    /** Extension: the aggregate's version after the change; consumers ignore anything not newer than what they hold. */
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    /** Extension: the aggregate type, e.g. {@code household}. */
    public static final String AGGREGATE_TYPE = "ce_aggregatetype";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";
}
