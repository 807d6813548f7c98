package org.fupin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.fupin.rectification.config.RectificationConfig;
import org.fupin.rectification.domain.EvidenceInspector;
import org.fupin.rectification.domain.EvidenceRules;
import org.fupin.rectification.domain.RectificationRules;

import java.util.Map;
import java.util.TreeMap;

/** The domain's rule values built once from the typed configuration. */
@ApplicationScoped
public class RulesProvider {

    @Inject
    RectificationConfig config;

    private volatile RectificationRules rules;
    private volatile EvidenceRules evidenceRules;

    public RectificationRules rules() {
        if (rules == null) {
            Map<String, String> configured = config.categories();
            rules = new RectificationRules(configured.isEmpty() ? RectificationRules.DEFAULT_CATEGORIES : new TreeMap<>(configured),
                    config.longTerm().progressIntervalDays());
        }
        return rules;
    }

    public EvidenceRules evidenceRules() {
        if (evidenceRules == null) {
            evidenceRules = new EvidenceRules(config.evidence().maxBytes(), EvidenceRules.defaults().maxFileNameLength());
        }
        return evidenceRules;
    }

    public EvidenceInspector inspector() {
        return new EvidenceInspector(evidenceRules());
    }
}
