package org.fupin.localstack.chaos;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Looks for personal data where it must never be: service logs and every record (key, value, headers) on every topic.
 * Finds resident ID numbers (18 characters, a real birth date, a valid check character) and the given names. A finding
 * is reported by where it was and which kind, never by the number itself (the report must not leak either).
 */
public final class PiiScanner {

    /** One finding: where (file:line or topic-partition@offset) and what kind (resident ID number or name). */
    public record Finding(String where, String kind) {
        @Override
        public String toString() {
            return kind + " in " + where;
        }
    }

    private final Pattern names;

    /** @param names the test data's names (e.g. 王秀英); empty for ID numbers only */
    public PiiScanner(Collection<String> names) {
        this.names = names.isEmpty() ? null
                : Pattern.compile(names.stream().filter(n -> !n.isBlank()).distinct().map(Pattern::quote).collect(Collectors.joining("|")));
    }

    public List<Finding> scanText(String where, String text) {
        List<Finding> out = new ArrayList<>();
        for (String ignored : ResidentIds.findIn(text)) {
            out.add(new Finding(where, "resident ID number"));
        }
        if (names != null) {
            Matcher m = names.matcher(text);
            while (m.find()) {
                out.add(new Finding(where, "name"));
            }
        }
        return out;
    }

    /** Every line of every regular file under the given files or folders. */
    public List<Finding> scanFiles(Collection<Path> roots) throws IOException {
        List<Finding> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            List<Path> files;
            try (var walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                int line = 0;
                for (String l : text.split("\n", -1)) {
                    line++;
                    out.addAll(scanText(f.getFileName() + ":" + line, l));
                }
            }
        }
        return out;
    }

    public record TopicScan(long records, List<Finding> findings) {
    }

    /** Every record of every topic but Kafka's internal ones, from the beginning to the current end. */
    public TopicScan scanTopics(String bootstrapServers) throws Exception {
        Map<TopicPartition, Long> ends;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000))) {
            var topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> !t.startsWith("__")).toList();
            var descriptions = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            descriptions.forEach((name, d) -> d.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            ends = new HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<Finding> out = new ArrayList<>();
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = ends.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            partitions.forEach(tp -> remaining.put(tp, ends.get(tp)));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    String where = r.topic() + "-" + r.partition() + "@" + r.offset();
                    StringBuilder text = new StringBuilder();
                    text.append(r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8)).append('\n');
                    text.append(r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8)).append('\n');
                    for (Header h : r.headers()) {
                        text.append(h.key()).append('=').append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)).append('\n');
                    }
                    out.addAll(scanText(where, text.toString()));
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            if (!remaining.isEmpty()) {
                throw new IllegalStateException("could not read every record of " + remaining.keySet());
            }
        }
        return new TopicScan(records, out);
    }
}
