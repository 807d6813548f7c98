package org.fupin.rectification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * The issue workflow's configuration, as three mappings under {@code fupin.rectification.}: {@code categories},
 * {@code long-term}, {@code evidence}. Not one mapping rooted at {@code fupin.rectification}: that root would claim the
 * system-check run's keys ({@code fupin.rectification.system-check.*}, its own mapping and scheduler expressions) too,
 * and refuse those it does not map.
 */
public final class RectificationConfig {
    private RectificationConfig() {
    }

    /** Issue categories, code → Chinese name: {@code fupin.rectification.categories."<code>"=<name>}; none = the default list. */
    @ConfigMapping(prefix = "fupin.rectification.categories")
    public interface Categories {
        @WithParentName
        Map<String, String> byCode();
    }

    @ConfigMapping(prefix = "fupin.rectification.long-term")
    public interface LongTerm {
        /** A long-term issue in progress reports progress at least this often (定期报告整改进展). */
        @WithDefault("30")
        int progressIntervalDays();
    }

    @ConfigMapping(prefix = "fupin.rectification.evidence")
    public interface Evidence {
        /** The size limit per evidence file (default 20 MiB); above it 413. */
        @WithDefault("20971520")
        long maxBytes();
    }
}
