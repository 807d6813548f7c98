package org.fupin.localstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.contracts.household.HouseholdRegisteredV1;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Line 2: event → report freshness. Valid {@code household.registered.v1} CloudEvents are produced straight to
 * {@code fupin.household.v1}, exactly as household-service's outbox relay does (same headers, key, producer settings),
 * at a fixed rate into a village unique to the run, while one thread polls that village's report in a tight loop:
 * the freshness of event i is the first time a response showed a count ≥ i minus the time event i was sent. Baseline:
 * a raw produce → consume round trip at the same rate on the same broker, on a topic of its own (deleted after).
 */
final class FreshnessBench {

    static final String TYPE = EventCatalog.typeOf(HouseholdRegisteredV1.class).value();
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // as Quarkus writes them: ISO-8601 strings
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String SENT_HEADER = "bench-sent-nanos";
    /** Events the report has not shown this long after the last send are given up on (their wait so far is recorded). */
    static final long UNSEEN_AFTER_SECONDS = 600;

    record Result(String village, Latencies freshness, Latencies roundTrip, long events, double sentRate, double roundTripRate,
                  long polls, double meanPollMillis, long unseen) {
    }

    private final BenchOptions options;
    private final StackClient stack;

    FreshnessBench(BenchOptions options, StackClient stack) {
        this.options = options;
        this.stack = stack;
    }

    /** A valid event of a new household in the village, as household-service would emit it for an imported household. */
    static HouseholdRegisteredV1 event(String village, long i) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int members = 1 + r.nextInt(6);
        List<String> persons = new java.util.ArrayList<>(members);
        for (int m = 0; m < members; m++) {
            byte[] b = new byte[16];
            r.nextBytes(b);
            persons.add(HexFormat.of().formatHex(b));
        }
        return new HouseholdRegisteredV1(UUID.randomUUID().toString(), village + String.format("%06d", i % 1_000_000), village, members,
                2014 + r.nextInt(6), "ORDINARY", persons, Instant.now(), LocalDate.now(CHINA));
    }

    /** The record the outbox relay would send for the event: key = household id, CloudEvents binary-mode headers. */
    static ProducerRecord<String, String> record(String topic, HouseholdRegisteredV1 e) throws Exception {
        RecordHeaders h = new RecordHeaders();
        header(h, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(h, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(h, CloudEventHeaders.SOURCE, "/fupin/household-service");
        header(h, CloudEventHeaders.TYPE, TYPE);
        header(h, CloudEventHeaders.SUBJECT, e.householdId());
        header(h, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(e.registeredAt()));
        header(h, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(h, CloudEventHeaders.AGGREGATE_TYPE, "household");
        header(h, CloudEventHeaders.AGGREGATE_VERSION, "1");
        header(h, CloudEventHeaders.REGION_CODE, e.regionCode());
        return new ProducerRecord<>(topic, null, e.householdId(), JSON.writeValueAsString(e), h);
    }

    /** Self-check: the events this bench produces match the event's JSON Schema in event-contracts. */
    static void selfCheck(String village) throws Exception {
        for (int i = 0; i < 20; i++) {
            String json = record("check", event(village, i)).value();
            Set<String> problems = EventSchemas.validate(TYPE, json);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the bench's " + TYPE + " events do not match their schema: " + problems);
            }
        }
    }

    private static void header(RecordHeaders h, String name, String value) {
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The outbox relay's producer settings (platform OutboxRelay). */
    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "fupin-bench");
        return p;
    }

    Result run() throws Exception {
        String village = null;
        for (int attempt = 0; attempt < 20 && village == null; attempt++) {
            String candidate = "63" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
            if (stack.registered(candidate) == 0) {
                village = candidate;
            }
        }
        if (village == null) {
            throw new IllegalStateException("no unused village in province 63");
        }
        selfCheck(village);
        int total = options.rate() * options.freshnessSeconds();
        Bench.say(String.format("freshness: %,d household.registered.v1 events at %,d/s to %s, village %s ...", total, options.rate(),
                Topics.HOUSEHOLD, village));

        AtomicLongArray sent = new AtomicLongArray(total);
        Latencies freshness = new Latencies();
        AtomicBoolean sendingDone = new AtomicBoolean();
        long[] polls = new long[2]; // count, nanos
        long[] seenCount = new long[1];
        String v = village;
        Thread poller = new Thread(() -> {
            long seen = 0;
            long deadline = Long.MAX_VALUE;
            try {
                while (seen < total && System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    long count = stack.report(v).path("registered").path("households").asLong();
                    long at = System.nanoTime();
                    polls[0]++;
                    polls[1] += at - start;
                    for (long i = seen + 1; i <= Math.min(count, total); i++) {
                        long s = sent.get((int) i - 1);
                        if (s != 0) {
                            freshness.recordNanos(at - s);
                        }
                    }
                    seen = Math.max(seen, Math.min(count, total));
                    if (sendingDone.get() && deadline == Long.MAX_VALUE) {
                        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(UNSEEN_AFTER_SECONDS);
                    }
                }
            } catch (Exception e) {
                Bench.say("freshness: polling failed: " + e);
            }
            seenCount[0] = seen;
            long gaveUp = System.nanoTime();
            for (long i = seen + 1; i <= total; i++) { // not shown in time: counted with what they waited (a lower bound)
                long s = sent.get((int) i - 1);
                if (s != 0) {
                    freshness.recordNanos(gaveUp - s);
                }
            }
        }, "bench-freshness-poller");

        double sentRate;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.partitionsFor(Topics.HOUSEHOLD); // metadata before the clock starts
            poller.start();
            sentRate = paced(total, i -> {
                ProducerRecord<String, String> rec = record(Topics.HOUSEHOLD, event(v, i));
                sent.set(i, System.nanoTime());
                producer.send(rec);
            });
            producer.flush();
        }
        sendingDone.set(true);
        poller.join();
        Bench.say(String.format("freshness: p50 %s, p99 %s, %d of %d shown (%d polls, %.1f ms each)", ResultTable.ms(freshness.p50()),
                ResultTable.ms(freshness.p99()), seenCount[0], total, polls[0], polls[0] == 0 ? 0 : polls[1] / 1e6 / polls[0]));

        Latencies roundTrip = new Latencies();
        double roundTripRate = roundTrip(village, total, roundTrip);
        Bench.say(String.format("freshness baseline: produce → consume p50 %s, p99 %s", ResultTable.ms(roundTrip.p50()), ResultTable.ms(roundTrip.p99())));
        return new Result(village, freshness, roundTrip, total, sentRate, roundTripRate, polls[0],
                polls[0] == 0 ? Double.NaN : polls[1] / 1e6 / polls[0], total - seenCount[0]);
    }

    interface Send {
        void send(int i) throws Exception;
    }

    /** Sends {@code total} items at {@code options.rate()} per second, each at its scheduled time. @return the rate achieved */
    private double paced(int total, Send send) throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(1) / options.rate();
        long t0 = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = t0 + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            send.send(i);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return total / Math.max(seconds, 1e-9);
    }

    /** The baseline: the same events at the same rate through a topic of their own, consumed by a plain consumer. */
    private double roundTrip(String village, int total, Latencies latencies) throws Exception {
        String topic = "fupin.bench.roundtrip." + UUID.randomUUID().toString().substring(0, 8);
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS); // as fupin.household.v1
            try {
                Properties c = new Properties();
                c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
                c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
                c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
                     KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    consumer.poll(Duration.ofMillis(100));
                    producer.partitionsFor(topic);
                    long[] received = new long[1];
                    AtomicBoolean stop = new AtomicBoolean();
                    Thread reader = new Thread(() -> {
                        long deadline = Long.MAX_VALUE;
                        while (received[0] < total && System.nanoTime() < deadline) {
                            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                                long now = System.nanoTime();
                                var h = r.headers().lastHeader(SENT_HEADER);
                                if (h != null) {
                                    latencies.recordNanos(now - ByteBuffer.wrap(h.value()).getLong());
                                    received[0]++;
                                }
                            }
                            if (stop.get() && deadline == Long.MAX_VALUE) {
                                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                            }
                        }
                    }, "bench-roundtrip-consumer");
                    reader.start();
                    double rate = paced(total, i -> {
                        ProducerRecord<String, String> rec = record(topic, event(village, i));
                        rec.headers().add(SENT_HEADER, ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
                        producer.send(rec);
                    });
                    producer.flush();
                    stop.set(true);
                    reader.join();
                    return rate;
                }
            } finally {
                a.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

}
