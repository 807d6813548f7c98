package org.fupin.rectification.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What configuration decides for the workflow, handed to the domain as plain values (the service builds it from its
 * typed configuration): the issue categories (code → Chinese name, in display order) and how often a long-term issue
 * reports progress (定期报告整改进展).
 *
 * @param progressIntervalDays a long-term issue in progress whose latest ledger entry (or acceptance) is older than this
 *                             is late with its periodic progress
 */
public record RectificationRules(Map<String, String> categories, int progressIntervalDays) {

    /** The categories of the usual issue lists (问题清单), as the issue names them. */
    public static final Map<String, String> DEFAULT_CATEGORIES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("identification-accuracy", "精准识别");
        m.put("exit-accuracy", "精准退出");
        m.put("project-management", "项目管理");
        m.put("fund-management", "资金管理");
        m.put("policy-implementation", "政策落实");
        m.put("work-style", "工作作风");
        DEFAULT_CATEGORIES = Collections.unmodifiableMap(m);
    }

    public RectificationRules {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("at least one issue category must be configured");
        }
        for (String code : categories.keySet()) {
            if (!code.matches("[a-z][a-z-]{0,63}")) {
                throw new IllegalArgumentException("issue category code must be lower-case kebab: " + code);
            }
        }
        if (progressIntervalDays < 1) {
            throw new IllegalArgumentException("progress interval must be at least one day");
        }
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    }

    /** The default categories; long-term issues report monthly (every 30 days). */
    public static RectificationRules defaults() {
        return new RectificationRules(DEFAULT_CATEGORIES, 30);
    }

    public boolean isKnownCategory(String code) {
        return code != null && categories.containsKey(code);
    }

    public Set<String> categoryCodes() {
        return categories.keySet();
    }
}
