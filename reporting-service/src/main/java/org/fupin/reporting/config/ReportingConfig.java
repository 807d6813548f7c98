package org.fupin.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.Set;

/** Reporting settings ({@code fupin.reporting.*}); thresholds are policy, so they live in configuration, not code. */
@ConfigMapping(prefix = "fupin.reporting")
public interface ReportingConfig {

    PoorCounty poorCounty();

    Population population();

    RegionNames regionNames();

    /** Leaving the poor-county list (贫困县退出): poverty incidence below the threshold. */
    interface PoorCounty {
        /** Threshold in percent for provinces not listed as western. */
        @WithDefault("2.00")
        BigDecimal incidenceThresholdPercent();

        /** Threshold in percent for the western provinces. */
        @WithDefault("3.00")
        BigDecimal westernIncidenceThresholdPercent();

        /** 2-digit codes of the western provinces (内蒙古, 广西, 重庆, 四川, 贵州, 云南, 西藏, 陕西, 甘肃, 青海, 宁夏, 新疆). */
        @WithDefault("15,45,50,51,52,53,54,61,62,63,64,65")
        Set<String> westernProvinces();
    }

    interface Population {
        /** Most figures one PUT may carry (one transaction); larger loads are split by the caller. */
        @WithDefault("20000")
        int maxBatchSize();
    }

    interface RegionNames {
        /** Most names one PUT may carry (one transaction); a province's villages fit, larger loads are split by the caller. */
        @WithDefault("100000")
        int maxBatchSize();
    }
}
