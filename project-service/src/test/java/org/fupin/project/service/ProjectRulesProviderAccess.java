package org.fupin.project.service;

import org.fupin.project.config.ProjectConfig;
import org.fupin.project.domain.ProjectRules;

import java.util.List;

/** Opens {@link ProjectRulesProvider#build} to the configuration test of another package. */
public final class ProjectRulesProviderAccess {
    private ProjectRulesProviderAccess() {
    }

    public static ProjectRules build(List<ProjectCategoryEntry> table, ProjectConfig config) {
        return ProjectRulesProvider.build(table, config);
    }
}
