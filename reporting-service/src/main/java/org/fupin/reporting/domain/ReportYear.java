package org.fupin.reporting.domain;

import org.fupin.platform.problem.ApiProblem;

/** The year a household figure is asked for (识别年度, 脱贫年度, ...), in the range the event contracts allow. */
public final class ReportYear {
    private ReportYear() {
    }

    public static final int MIN = 2000;
    public static final int MAX = 2100;

    /**
     * @param text the query parameter; absent or blank means "all years"
     * @return the year, or null when absent
     * @throws ApiProblem 400 naming the field when the text is not a year in [{@value MIN}, {@value MAX}]
     */
    public static Integer parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.length() == 4 && t.chars().allMatch(Character::isDigit)) {
            int year = Integer.parseInt(t);
            if (year >= MIN && year <= MAX) {
                return year;
            }
        }
        throw ApiProblem.validation(field, "must be a year between " + MIN + " and " + MAX);
    }
}
