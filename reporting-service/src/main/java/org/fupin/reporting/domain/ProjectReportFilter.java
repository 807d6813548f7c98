package org.fupin.reporting.domain;

import org.fupin.platform.problem.ApiProblem;

/**
 * The filters of the project report besides the region: library year, category code and batch (批次), each optional.
 * Checked like the event contracts check them, so a filter that can never match anything is a 400 naming it, not an
 * empty report.
 */
public record ProjectReportFilter(Integer year, String category, String batch) {

    /** A category code as the contracts allow it (one of the 13 of the national library, kebab case). */
    static final String CATEGORY = "[a-z][a-z-]{0,63}";
    static final int BATCH_MAX = 50;

    /** @throws ApiProblem 400 naming the first parameter that is wrong */
    public static ProjectReportFilter parse(String year, String category, String batch) {
        Integer y = ReportYear.parse(year, "year");
        String c = blank(category) ? null : category.trim();
        if (c != null && !c.matches(CATEGORY)) {
            throw ApiProblem.validation("category", "must be a project category code (lower-case letters and hyphens, at most 64)");
        }
        String b = blank(batch) ? null : batch.trim();
        if (b != null && b.length() > BATCH_MAX) {
            throw ApiProblem.validation("batch", "must be at most " + BATCH_MAX + " characters");
        }
        return new ProjectReportFilter(y, c, b);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
