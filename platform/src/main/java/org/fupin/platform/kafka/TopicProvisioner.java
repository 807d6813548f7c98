package org.fupin.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics this service produces to or consumes from, with explicit partition counts
 * ({@code fupin.kafka.topics."name".partitions}). Brokers run with auto-creation off, so no topic appears with a
 * default partition count by accident. Kafka being down at start-up is not fatal: creation is retried in the
 * background and by the relay before it publishes.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @Inject
    KafkaTopicsConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean created;

    void onStart(@Observes StartupEvent ignored) {
        Thread t = new Thread(() -> {
            while (!created) {
                try {
                    ensureCreated();
                } catch (RuntimeException e) {
                    LOG.infof("topics not created yet (%s); retrying", e.getMessage());
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "topic-provisioner");
        t.setDaemon(true);
        t.start();
    }

    public java.util.Set<String> names() {
        return config.topics().keySet();
    }

    /** Creates missing topics; returns at once once they exist. */
    public synchronized void ensureCreated() {
        if (created || config.topics().isEmpty()) {
            created = true;
            return;
        }
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = config.topics().entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue().partitions(), e.getValue().replicationFactor()))
                    .toList();
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(15, TimeUnit.SECONDS);
                    LOG.infof("created topic %s", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("topic " + entry.getKey() + ": " + e.getCause(), e.getCause());
                    }
                }
            }
            created = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("kafka did not answer", e);
        }
    }
}
