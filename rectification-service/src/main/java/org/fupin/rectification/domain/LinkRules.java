package org.fupin.rectification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Links are checked against the replicas the service keeps from {@code fupin.household.v1}, {@code fupin.project.v1}
 * and {@code fupin.fund.v1} (as project-service checks beneficiaries): every linked object must be known and lie inside
 * the issue's county (or inside the issue's own region when that is coarser than a county). An unknown object and one
 * outside read alike, so nothing outside the region is revealed. A household removed from the registry or a cancelled
 * project may be linked (the issue may be about exactly that).
 */
public final class LinkRules {
    private LinkRules() {
    }

    /** What a replica knows of a linked object. */
    public record Known(String id, String regionCode) {
    }

    /**
     * @throws Refusal 422 {@code unknown-links} naming each offending id's field
     */
    public static void check(IssueLinks links, String issueRegion, Map<String, Known> households,
                             Map<String, Known> projects, Map<String, Known> fundDocuments) {
        String scope = Regions.linkScope(issueRegion);
        List<Refusal.FieldError> errors = new ArrayList<>();
        check("links.householdIds", "household", links.householdIds(), households, scope, errors);
        check("links.projectIds", "project", links.projectIds(), projects, scope, errors);
        check("links.fundDocumentIds", "fund document", links.fundDocumentIds(), fundDocuments, scope, errors);
        if (!errors.isEmpty()) {
            throw Refusal.unprocessable("unknown-links", "Unknown linked objects", "Linked objects must be known and lie in "
                    + scope + ": " + errors.stream().map(Refusal.FieldError::field).toList() + ".", errors);
        }
    }

    private static void check(String field, String kind, List<String> ids, Map<String, Known> known, String scope,
                              List<Refusal.FieldError> errors) {
        for (int i = 0; i < ids.size(); i++) {
            Known k = known.get(ids.get(i));
            if (k == null || k.regionCode() == null || !k.regionCode().startsWith(scope)) {
                errors.add(new Refusal.FieldError(field + "[" + i + "]", "not a " + kind + " of region " + scope));
            }
        }
    }
}
