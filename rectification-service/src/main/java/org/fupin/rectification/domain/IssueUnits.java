package org.fupin.rectification.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The responsible units of an issue: the lead unit (牵头单位) and the co-units (配合单位), by the code their tokens carry in
 * the {@code unit} claim. Codes are compared exactly after trimming.
 */
public record IssueUnits(String leadUnit, List<String> coUnits) {

    public static final int MAX_LENGTH = 100;
    public static final int MAX_CO_UNITS = 20;

    public IssueUnits {
        leadUnit = leadUnit == null ? null : leadUnit.trim();
        List<String> co = new ArrayList<>();
        if (coUnits != null) {
            for (String u : coUnits) {
                co.add(u == null ? null : u.trim());
            }
        }
        coUnits = co.stream().anyMatch(Objects::isNull) ? java.util.Collections.unmodifiableList(co) : List.copyOf(co);
    }

    public boolean isResponsible(String unit) {
        return unit != null && (unit.equals(leadUnit) || coUnits.contains(unit));
    }

    /** The validation errors (field names as in the API); empty when valid. */
    public List<Refusal.FieldError> errors() {
        List<Refusal.FieldError> l = new ArrayList<>();
        if (leadUnit == null || leadUnit.isEmpty()) {
            l.add(new Refusal.FieldError("leadUnit", "is required"));
        } else if (leadUnit.length() > MAX_LENGTH) {
            l.add(new Refusal.FieldError("leadUnit", "must be at most " + MAX_LENGTH + " characters"));
        }
        if (coUnits.size() > MAX_CO_UNITS) {
            l.add(new Refusal.FieldError("coUnits", "at most " + MAX_CO_UNITS + " co-units"));
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < coUnits.size(); i++) {
            String u = coUnits.get(i);
            String f = "coUnits[" + i + "]";
            if (u == null || u.isEmpty()) {
                l.add(new Refusal.FieldError(f, "must not be blank"));
            } else if (u.length() > MAX_LENGTH) {
                l.add(new Refusal.FieldError(f, "must be at most " + MAX_LENGTH + " characters"));
            } else if (u.equals(leadUnit)) {
                l.add(new Refusal.FieldError(f, "is the lead unit"));
            } else if (!seen.add(u)) {
                l.add(new Refusal.FieldError(f, "is named twice"));
            }
        }
        return l;
    }
}
