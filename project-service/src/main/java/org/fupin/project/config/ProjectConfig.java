package org.fupin.project.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;

/**
 * The library's rules per category (configuration, not code), turned into the domain's {@code ProjectRules} at start
 * and checked against the category table ({@code ProjectRulesProvider}).
 */
@ConfigMapping(prefix = "fupin.project-library")
public interface ProjectConfig {

    /**
     * The stages a category skips, e.g. {@code fupin.project-library.skipped-stages."education"=TENDERING}; only
     * PRE_APPROVAL_DONE and TENDERING may be skipped. A category not listed goes through every stage.
     */
    Map<String, List<String>> skippedStages();

    /**
     * The fields every project must have (项目信息不完整 when one is missing), by API name: regionCode, category,
     * implementingUnit, budget, plannedStartDate, plannedEndDate, beneficiaries, constructionContent, constructionScale,
     * batch, performanceTargets. A category whose {@code needs_beneficiaries} is true also requires beneficiaries.
     */
    @WithDefault("regionCode,category,implementingUnit,budget,plannedStartDate,plannedEndDate")
    List<String> defaultRequiredFields();

    /**
     * A category's own list of required fields, replacing the default one, e.g.
     * {@code fupin.project-library.required-fields."industry"=regionCode,category,budget,beneficiaries}. It must name
     * beneficiaries when the category table says the category needs them (checked at start).
     */
    Map<String, List<String>> requiredFields();
}
