package org.fupin.platform.imports;

/** How a batch is laid out; chosen by the request's Content-Type. */
public enum ImportFormat {
    NDJSON, CSV, XLSX;

    public static final String NDJSON_TYPE = "application/x-ndjson";
    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The format of a Content-Type (NDJSON unless it is CSV or xlsx). */
    public static ImportFormat ofMediaType(String type) {
        String t = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith(CSV_TYPE) ? CSV : t.startsWith(XLSX_TYPE) ? XLSX : NDJSON;
    }
}
