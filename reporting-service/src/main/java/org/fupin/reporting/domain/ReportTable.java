package org.fupin.reporting.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A report as a table, for the exports (xlsx, csv) and for the dashboard's headers: the columns (the figure's key as in
 * the API's JSON, the Chinese and English header, the kind of value) and the rows, the total row last.
 * <p>
 * Cell values by kind: {@link Kind#COUNT} a {@code Long}/{@code Integer}, {@link Kind#MONEY} a {@code Money} or
 * {@code BigDecimal} (yuan), {@link Kind#RATE} a {@code Rate} (undefined: shown as "—"), {@link Kind#TEXT} a
 * {@code String}; null is an empty cell.
 *
 * @param name    the report's name in the API ({@code funds}, {@code projects}, …), used in file names
 * @param titleZh the report's title, e.g. 资金统计表 (the title row adds the region and the day)
 * @param titleEn the same in English
 * @param columns the columns, the group's (TEXT) first
 * @param rows    the rows in order, without the total; streamed by the writers
 * @param total   the total row (合计), null when the table has none
 */
public record ReportTable(String name, String titleZh, String titleEn, List<Column> columns, Iterable<Row> rows, Row total) {

    public enum Kind { COUNT, MONEY, RATE, TEXT }

    /** @param key the figure's field as in the API's JSON ({@code reimbursementRate}, {@code registered.households}) */
    public record Column(String key, String zh, String en, Kind kind) {
        public static Column count(String key, String zh, String en) {
            return new Column(key, zh, en, Kind.COUNT);
        }

        public static Column money(String key, String zh, String en) {
            return new Column(key, zh, en, Kind.MONEY);
        }

        public static Column rate(String key, String zh, String en) {
            return new Column(key, zh, en, Kind.RATE);
        }

        public static Column text(String key, String zh, String en) {
            return new Column(key, zh, en, Kind.TEXT);
        }
    }

    /** The cells of one row, one per column, in column order. */
    public record Row(List<Object> cells) {
        public Row {
            cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells)); // nulls allowed
        }

        public static Row of(Object... cells) {
            return new Row(Arrays.asList(cells));
        }
    }

    public ReportTable {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rows, "rows");
    }
}
