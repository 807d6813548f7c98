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
    RectificationConfig.Categories categories;
    @Inject
    RectificationConfig.LongTerm longTerm;
    @Inject
    RectificationConfig.Evidence evidence;

    private volatile RectificationRules rules;
    private volatile EvidenceRules evidenceRules;

    public RectificationRules rules() {
        if (rules == null) {
            Map<String, String> configured = categories.byCode();
            rules = new RectificationRules(configured.isEmpty() ? RectificationRules.DEFAULT_CATEGORIES : new TreeMap<>(configured),
                    longTerm.progressIntervalDays());
        }
        return rules;
    }

    public EvidenceRules evidenceRules() {
        if (evidenceRules == null) {
            evidenceRules = new EvidenceRules(evidence.maxBytes(), EvidenceRules.defaults().maxFileNameLength());
        }
        return evidenceRules;
    }

    public EvidenceInspector inspector() {
        return new EvidenceInspector(evidenceRules());
    }
}
