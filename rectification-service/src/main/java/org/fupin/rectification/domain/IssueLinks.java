package org.fupin.rectification.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an issue is about, by id: households, projects, fund documents (资金下达文件). The ids are checked against the
 * service's replicas of the household, project and fund topics by {@link LinkRules}; here only their form.
 */
public record IssueLinks(List<String> householdIds, List<String> projectIds, List<String> fundDocumentIds) {

    public static final int MAX_PER_KIND = 500;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public static final IssueLinks NONE = new IssueLinks(List.of(), List.of(), List.of());

    public IssueLinks {
        householdIds = normalise(householdIds);
        projectIds = normalise(projectIds);
        fundDocumentIds = normalise(fundDocumentIds);
    }

    private static List<String> normalise(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        List<String> l = new ArrayList<>();
        for (String id : ids) {
            l.add(id == null ? null : id.trim().toLowerCase(java.util.Locale.ROOT));
        }
        return java.util.Collections.unmodifiableList(l);
    }

    /** The validation errors (field names as in the API, e.g. {@code links.projectIds[2]}); empty when valid. */
    public List<Refusal.FieldError> errors() {
        List<Refusal.FieldError> l = new ArrayList<>();
        check("links.householdIds", householdIds, l);
        check("links.projectIds", projectIds, l);
        check("links.fundDocumentIds", fundDocumentIds, l);
        return l;
    }

    private static void check(String field, List<String> ids, List<Refusal.FieldError> errors) {
        if (ids.size() > MAX_PER_KIND) {
            errors.add(new Refusal.FieldError(field, "at most " + MAX_PER_KIND + " ids"));
            return;
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !UUID.matcher(id).matches()) {
                errors.add(new Refusal.FieldError(field + "[" + i + "]", "must be an id (UUID)"));
            } else if (!seen.add(id)) {
                errors.add(new Refusal.FieldError(field + "[" + i + "]", "is named twice"));
            }
        }
    }

    public boolean isEmpty() {
        return householdIds.isEmpty() && projectIds.isEmpty() && fundDocumentIds.isEmpty();
    }
}
