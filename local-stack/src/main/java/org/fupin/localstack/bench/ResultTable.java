package org.fupin.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's one table: each figure beside its baseline from the same run, their ratio, the target and whether it
 * is met; then notes saying how each line was measured.
 */
public final class ResultTable {

    /** Whether a target is met; {@code NONE} when the line has no target. */
    public enum Verdict {
        MET("yes"), MISSED("NO"), NONE("");

        final String text;

        Verdict(String text) {
            this.text = text;
        }

        public static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    public record Row(String measure, String figure, String baseline, String ratio, String target, Verdict verdict) {
    }

    private static final String[] HEADER = {"measure", "figure", "baseline (same run)", "ratio", "target", "met"};
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ResultTable row(String measure, String figure, String baseline, String ratio, String target, Verdict verdict) {
        rows.add(new Row(measure, figure, baseline, ratio, target, verdict));
        return this;
    }

    public ResultTable note(String note) {
        notes.add(note);
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** A Markdown table (readable as text too, pasteable into the README), then the notes. */
    public String render() {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row r : rows) {
            cells.add(new String[]{r.measure(), r.figure(), r.baseline(), r.ratio(), r.target(), r.verdict().text});
        }
        int[] width = new int[HEADER.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < cells.size(); l++) {
            line(out, cells.get(l), width);
            if (l == 0) {
                String[] rule = new String[width.length];
                for (int i = 0; i < width.length; i++) {
                    rule[i] = "-".repeat(Math.max(3, width[i]));
                }
                line(out, rule, width);
            }
        }
        for (String n : notes) {
            out.append("- ").append(n).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            out.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
        }
        out.append('\n');
    }

    // formatting helpers shared by the phases

    /** Milliseconds: 1 decimal under 100 ms, none above. */
    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis < 100 ? String.format(Locale.ROOT, "%.1f ms", millis) : String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    /** A ratio such as {@code 12.3×} or {@code 0.004×}. */
    public static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "n/a";
        }
        if (r >= 10) {
            return String.format(Locale.ROOT, "%,.0f×", r);
        }
        if (r >= 0.1) {
            return String.format(Locale.ROOT, "%.2f×", r);
        }
        return String.format(Locale.ROOT, "%.4f×", r);
    }

    public static String perSecond(double rate, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", rate, unit);
    }
}
