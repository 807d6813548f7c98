package org.fupin.rectification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * The issue workflow's configuration ({@code fupin.rectification.*}; the system-check thresholds are
 * {@code fupin.rectification.system-check.*}, mapped by the system-check run).
 */
@ConfigMapping(prefix = "fupin.rectification")
public interface RectificationConfig {

    /** Issue categories, code → Chinese name; none configured = the default list (精准识别, 精准退出, 项目管理 …). */
    Map<String, String> categories();

    LongTerm longTerm();

    Evidence evidence();

    interface LongTerm {
        /** A long-term issue in progress reports progress at least this often (定期报告整改进展). */
        @WithDefault("30")
        int progressIntervalDays();
    }

    interface Evidence {
        /** The size limit per evidence file (default 20 MiB); above it 413. */
        @WithDefault("20971520")
        long maxBytes();
    }
}
