package org.fupin.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

@ConfigMapping(prefix = "fupin.kafka")
public interface KafkaTopicsConfig {

    /** Topics to create at start-up, by name. */
    Map<String, Topic> topics();

    interface Topic {
        @WithDefault("6")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
