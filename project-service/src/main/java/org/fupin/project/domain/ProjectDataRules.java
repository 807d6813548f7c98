package org.fupin.project.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a project record (400 naming each wrong field). Completeness is a different matter: a record may lack
 * required fields and still be entered ({@link MissingFields}); what is given must be right.
 */
public final class ProjectDataRules {
    private ProjectDataRules() {
    }

    public static final int FIRST_YEAR = 2000;
    static final int MAX_NAME = 200;
    static final int MAX_CODE = 40;
    static final int MAX_BATCH = 50;
    static final int MAX_TEXT = 2000;

    /** @throws Refusal (400) naming every wrong field */
    public static void validate(ProjectData d, ProjectRules rules, LocalDate today) {
        List<Refusal.FieldError> errors = problems(d, rules, today);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }

    public static List<Refusal.FieldError> problems(ProjectData d, ProjectRules rules, LocalDate today) {
        List<Refusal.FieldError> e = new ArrayList<>();
        if (d.projectCode() != null && (d.projectCode().isBlank() || d.projectCode().length() > MAX_CODE
                || !d.projectCode().equals(d.projectCode().strip()) || d.projectCode().chars().anyMatch(Character::isISOControl))) {
            e.add(err("projectCode", "must be 1-" + MAX_CODE + " characters without leading or trailing blanks"));
        }
        if (d.name() == null || d.name().isBlank()) {
            e.add(err("name", "is required"));
        } else if (d.name().length() > MAX_NAME) {
            e.add(err("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (d.projectYear() == null) {
            e.add(err("projectYear", "is required"));
        } else if (d.projectYear() < FIRST_YEAR || d.projectYear() > today.getYear() + 1) {
            e.add(err("projectYear", "must be between " + FIRST_YEAR + " and next year (" + (today.getYear() + 1) + ")"));
        }
        if (d.category() != null && !rules.isKnownCategory(d.category())) {
            e.add(err("category", "unknown category; one of " + rules.categories()));
        }
        if (d.regionCode() == null) {
            e.add(err("regionCode", "is required"));
        } else if (!MissingFields.isCountyOrBelow(d.regionCode())) {
            e.add(err("regionCode", "must be a 12-digit county, township or village code"));
        }
        if (d.batch() != null && (d.batch().isBlank() || d.batch().length() > MAX_BATCH)) {
            e.add(err("batch", "must be 1-" + MAX_BATCH + " characters"));
        }
        if (d.unit() != null) {
            String name = d.unit().name();
            if (name != null && name.length() > MAX_NAME) {
                e.add(err("implementingUnit.name", "must be at most " + MAX_NAME + " characters"));
            }
            String code = d.unit().creditCode();
            if (code != null) {
                if (name == null || name.isBlank()) {
                    e.add(err("implementingUnit.name", "is required when a credit code is given"));
                }
                UnifiedSocialCreditCode.problem(code).ifPresent(p -> e.add(err("implementingUnit.creditCode", p)));
            }
        }
        text(e, "constructionContent", d.constructionContent());
        text(e, "constructionScale", d.constructionScale());
        if (d.plannedStartDate() != null && d.plannedEndDate() != null && d.plannedEndDate().isBefore(d.plannedStartDate())) {
            e.add(err("plannedEndDate", "must not be before plannedStartDate"));
        }
        if (d.targets() != null) {
            targets(e, d.targets());
        }
        return e;
    }

    private static void targets(List<Refusal.FieldError> e, ProjectData.PerformanceTargets t) {
        nonNegative(e, "performanceTargets.beneficiaryHouseholds", t.beneficiaryHouseholds());
        nonNegative(e, "performanceTargets.beneficiaryPersons", t.beneficiaryPersons());
        nonNegative(e, "performanceTargets.poorHouseholds", t.poorHouseholds());
        nonNegative(e, "performanceTargets.poorPersons", t.poorPersons());
        notAbove(e, "performanceTargets.poorHouseholds", t.poorHouseholds(), "beneficiaryHouseholds", t.beneficiaryHouseholds());
        notAbove(e, "performanceTargets.poorPersons", t.poorPersons(), "beneficiaryPersons", t.beneficiaryPersons());
        notAbove(e, "performanceTargets.beneficiaryHouseholds", t.beneficiaryHouseholds(), "beneficiaryPersons",
                t.beneficiaryPersons()); // every household has at least one person
        if (t.text() != null && t.text().length() > MAX_TEXT) {
            e.add(err("performanceTargets.text", "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static void nonNegative(List<Refusal.FieldError> e, String field, Integer v) {
        if (v != null && v < 0) {
            e.add(err(field, "must not be negative"));
        }
    }

    private static void notAbove(List<Refusal.FieldError> e, String field, Integer v, String otherName, Integer other) {
        if (v != null && other != null && v >= 0 && other >= 0 && v > other) {
            e.add(err(field, "must not be more than " + otherName + " (" + other + ")"));
        }
    }

    private static void text(List<Refusal.FieldError> e, String field, String v) {
        if (v != null && v.length() > MAX_TEXT) {
            e.add(err(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static Refusal.FieldError err(String field, String message) {
        return new Refusal.FieldError(field, message);
    }
}
