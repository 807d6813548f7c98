package org.fupin.project.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.fupin.project.config.ProjectConfig;
import org.fupin.project.domain.ProjectField;
import org.fupin.project.domain.ProjectRules;
import org.fupin.project.domain.ProjectStage;
import org.fupin.project.domain.StageFlow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain's {@link ProjectRules}, built once from the configuration ({@link ProjectConfig}) and the category table.
 * Built at start, so a wrong configuration stops the service there: an unknown category or field, a stage that cannot
 * be skipped, or a category whose table row says it needs beneficiaries (needs_beneficiaries) while its configured
 * required fields leave them out.
 */
@ApplicationScoped
public class ProjectRulesProvider {

    @Inject
    ProjectConfig config;
    @Inject
    ProjectCategoryService categories;

    private volatile ProjectRules rules;

    void onStart(@Observes StartupEvent ignored) {
        rules();
    }

    public ProjectRules rules() {
        ProjectRules r = rules;
        if (r == null) {
            synchronized (this) {
                if (rules == null) {
                    rules = build(categories.list(), config);
                }
                r = rules;
            }
        }
        return r;
    }

    /** The rules, or IllegalStateException naming every configuration error. */
    static ProjectRules build(List<ProjectCategoryEntry> table, ProjectConfig config) {
        List<String> errors = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        table.forEach(c -> codes.add(c.code()));
        Set<ProjectField> defaults = fields(config.defaultRequiredFields(), "fupin.project-library.default-required-fields", errors);
        Map<String, Set<ProjectStage>> skipped = new LinkedHashMap<>();
        config.skippedStages().forEach((category, stages) -> {
            String key = "fupin.project-library.skipped-stages.\"" + category + "\"";
            if (!codes.contains(category)) {
                errors.add(key + ": unknown category");
                return;
            }
            Set<ProjectStage> s = EnumSet.noneOf(ProjectStage.class);
            for (String name : stages) {
                try {
                    ProjectStage stage = ProjectStage.valueOf(name.trim());
                    if (!StageFlow.SKIPPABLE.contains(stage)) {
                        errors.add(key + ": stage " + stage + " cannot be skipped; only " + StageFlow.SKIPPABLE);
                    }
                    s.add(stage);
                } catch (IllegalArgumentException e) {
                    errors.add(key + ": unknown stage " + name);
                }
            }
            skipped.put(category, s);
        });
        config.requiredFields().keySet().stream().filter(c -> !codes.contains(c))
                .forEach(c -> errors.add("fupin.project-library.required-fields.\"" + c + "\": unknown category"));
        Map<String, Set<ProjectField>> required = new LinkedHashMap<>();
        for (ProjectCategoryEntry c : table) {
            List<String> own = config.requiredFields().get(c.code());
            Set<ProjectField> f;
            if (own != null) {
                f = fields(own, "fupin.project-library.required-fields.\"" + c.code() + "\"", errors);
                if (c.needsBeneficiaries() && !f.contains(ProjectField.BENEFICIARIES)) {
                    errors.add("fupin.project-library.required-fields.\"" + c.code() + "\": the category table says " + c.code()
                            + " needs beneficiaries (needs_beneficiaries); list beneficiaries");
                }
            } else {
                f = defaults.isEmpty() ? EnumSet.noneOf(ProjectField.class) : EnumSet.copyOf(defaults);
                if (c.needsBeneficiaries()) {
                    f.add(ProjectField.BENEFICIARIES);
                }
            }
            required.put(c.code(), f);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("project library configuration: " + String.join("; ", errors));
        }
        return new ProjectRules(codes, skipped, required, defaults);
    }

    private static Set<ProjectField> fields(List<String> names, String key, List<String> errors) {
        Set<ProjectField> f = EnumSet.noneOf(ProjectField.class);
        for (String n : names) {
            if (n.isBlank()) {
                continue;
            }
            ProjectField.parse(n.trim()).ifPresentOrElse(f::add, () -> errors.add(key + ": unknown field " + n));
        }
        return f;
    }
}
