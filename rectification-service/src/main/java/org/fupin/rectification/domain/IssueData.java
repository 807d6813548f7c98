package org.fupin.rectification.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an inspector records when raising an issue (问题清单的一条): the description, the category (configured list), the
 * region (12-digit code), what it is about ({@link IssueLinks}), the responsible units, the deadline, the term, the
 * measures to take (整改措施) and, for a long-term issue, its milestones.
 */
public record IssueData(String description, String category, String regionCode, IssueLinks links, IssueUnits units,
                        LocalDate deadline, IssueTerm term, String measures, List<Milestone.Plan> milestones) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_MILESTONES = 24;

    public IssueData {
        links = links == null ? IssueLinks.NONE : links;
        units = units == null ? new IssueUnits(null, List.of()) : units;
        milestones = milestones == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(milestones));
    }

    /**
     * Checks every field against the rules for an issue raised on {@code raisedOn} (400 naming each wrong field):
     * description and measures required (≤ 2000 characters), a configured category, a 12-digit region code, well-formed
     * links, a lead unit and distinct co-units, a deadline not before the raise date, a term; milestones only for and
     * required of a long-term issue, each with a description and a due date between the raise date and the deadline.
     *
     * @return the data with texts trimmed and milestones in due-date order
     */
    public IssueData validated(RectificationRules rules, LocalDate raisedOn) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        String d = Texts.required(description, "description", MAX_TEXT, errors);
        String m = Texts.required(measures, "measures", MAX_TEXT, errors);
        if (category == null || category.isBlank()) {
            errors.add(new Refusal.FieldError("category", "is required"));
        } else if (!rules.isKnownCategory(category)) {
            errors.add(new Refusal.FieldError("category", "unknown category; one of " + rules.categoryCodes()));
        }
        if (regionCode == null) {
            errors.add(new Refusal.FieldError("regionCode", "is required"));
        } else if (!Regions.isCode(regionCode)) {
            errors.add(new Refusal.FieldError("regionCode", "must be a 12-digit region code"));
        }
        errors.addAll(links.errors());
        errors.addAll(units.errors());
        if (deadline == null) {
            errors.add(new Refusal.FieldError("deadline", "is required"));
        } else if (deadline.isBefore(raisedOn)) {
            errors.add(new Refusal.FieldError("deadline", "must not be before the day the issue is raised (" + raisedOn + ")"));
        }
        if (term == null) {
            errors.add(new Refusal.FieldError("term", "is required: SHORT or LONG_TERM"));
        }
        List<Milestone.Plan> plans = new ArrayList<>();
        if (term == IssueTerm.SHORT && !milestones.isEmpty()) {
            errors.add(new Refusal.FieldError("milestones", "only long-term issues have milestones"));
        } else if (term == IssueTerm.LONG_TERM) {
            if (milestones.isEmpty()) {
                errors.add(new Refusal.FieldError("milestones", "a long-term issue needs at least one milestone"));
            } else if (milestones.size() > MAX_MILESTONES) {
                errors.add(new Refusal.FieldError("milestones", "at most " + MAX_MILESTONES + " milestones"));
            }
            for (int i = 0; i < milestones.size() && i < MAX_MILESTONES; i++) {
                Milestone.Plan p = milestones.get(i);
                String f = "milestones[" + i + "]";
                if (p == null) {
                    errors.add(new Refusal.FieldError(f, "is required"));
                    continue;
                }
                String text = Texts.required(p.description(), f + ".description", MAX_TEXT, errors);
                if (p.dueDate() == null) {
                    errors.add(new Refusal.FieldError(f + ".dueDate", "is required"));
                } else if (p.dueDate().isBefore(raisedOn) || (deadline != null && p.dueDate().isAfter(deadline))) {
                    errors.add(new Refusal.FieldError(f + ".dueDate", "must lie between the raise date (" + raisedOn
                            + ") and the deadline (" + deadline + ")"));
                }
                plans.add(new Milestone.Plan(text, p.dueDate()));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        plans.sort(Comparator.comparing(Milestone.Plan::dueDate));
        return new IssueData(d, category, regionCode, links, units, deadline, term, m, plans);
    }
}
