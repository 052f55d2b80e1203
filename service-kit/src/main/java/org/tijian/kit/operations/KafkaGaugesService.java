package org.tijian.kit.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads from the broker what the service's own consumers cannot report while they are stuck or down: the lag of each of
 * its consumer groups per topic and partition ({@code tijian.kafka.consumer.lag}, committed position to end), and how
 * many dead letters wait in each of its dead-letter topics ({@code tijian.dlq.messages}, records neither replayed nor
 * discarded). Every dead-letter topic has its gauge from the start, at 0 until the topic exists.
 */
public class KafkaGaugesService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaGaugesService.class);
    private static final long TIMEOUT_SECONDS = 15;

    private final Admin admin;
    private final List<ConsumerBinding> bindings;
    private final DeadLetterDispositions dispositions;
    private final Duration interval;
    private final MultiGauge lag;
    private final Map<String, AtomicLong> deadLetters = new LinkedHashMap<>();
    private volatile ScheduledExecutorService executor;

    public KafkaGaugesService(Admin admin, List<ConsumerBinding> bindings, DeadLetterDispositions dispositions,
            MeterRegistry meters, Duration interval) {
        this.admin = admin;
        this.bindings = bindings;
        this.dispositions = dispositions;
        this.interval = interval;
        this.lag = MultiGauge.builder("tijian.kafka.consumer.lag")
                .description("records between a consumer group's committed position and the end of the partition")
                .register(meters);
        for (ConsumerBinding binding : bindings) {
            AtomicLong count = deadLetters.computeIfAbsent(binding.deadLetterTopic(), topic -> new AtomicLong());
            Gauge.builder("tijian.dlq.messages", count, AtomicLong::get)
                    .description("dead letters waiting in the topic: neither replayed nor discarded")
                    .tags("topic", binding.deadLetterTopic(), "original_topic", binding.topic(), "group", binding.group())
                    .register(meters);
        }
    }

    /** Reads positions and counts once; the scheduler calls it, tests may too. */
    public void refresh() throws Exception {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Set<String> topics = new LinkedHashSet<>();
        for (ConsumerBinding binding : bindings) {
            topics.add(binding.topic());
            topics.add(binding.deadLetterTopic());
        }
        topics.retainAll(existing);
        if (topics.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        described.values().forEach(d -> d.partitions()
                .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());

        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        Map<String, List<ConsumerBinding>> byGroup = new LinkedHashMap<>();
        bindings.forEach(b -> byGroup.computeIfAbsent(b.group(), g -> new ArrayList<>()).add(b));
        for (Map.Entry<String, List<ConsumerBinding>> group : byGroup.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (TopicPartition partition : partitions) {
                if (group.getValue().stream().noneMatch(b -> b.topic().equals(partition.topic()))) {
                    continue;
                }
                OffsetAndMetadata position = committed.get(partition);
                long from = position == null ? earliest.get(partition) : position.offset();
                rows.add(MultiGauge.Row.of(Tags.of("group", group.getKey(), "topic", partition.topic(),
                        "partition", String.valueOf(partition.partition())), Math.max(0, latest.get(partition) - from)));
            }
        }
        lag.register(rows, true);

        for (Map.Entry<String, AtomicLong> deadLetterTopic : deadLetters.entrySet()) {
            String topic = deadLetterTopic.getKey();
            if (!described.containsKey(topic)) {
                continue;
            }
            long records = 0;
            Map<Integer, Long> starts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (partition.topic().equals(topic)) {
                    records += latest.get(partition) - earliest.get(partition);
                    starts.put(partition.partition(), earliest.get(partition));
                }
            }
            long handled = dispositions.countFrom(topic, starts).block(Duration.ofSeconds(TIMEOUT_SECONDS));
            deadLetterTopic.getValue().set(Math.max(0, records - handled));
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = admin.listOffsets(request).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> result = new HashMap<>();
        answer.forEach((partition, info) -> result.put(partition, info.offset()));
        return result;
    }

    private void tick() {
        try {
            refresh();
        } catch (Exception e) {
            log.warn("reading consumer lag and dead-letter counts failed, retrying in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void start() {
        if (executor != null || bindings.isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kafka-gauges");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
        admin.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
