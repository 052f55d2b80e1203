package org.tijian.kit.operations;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.operations.DeadLetterDispositions.Action;
import org.tijian.kit.operations.DeadLetterDispositions.Disposition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The operators' dead-letter tool: lists the records waiting in the service's dead-letter topics with the error they
 * failed with, replays one or all of them to the topic they came from (same key, same headers, so the consumer's
 * idempotency by {@code ce_id} still holds and the trace continues), or discards one with a reason. Every replay and
 * discard is recorded, once per record.
 */
public class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, ConsumerBinding> byDeadLetterTopic = new LinkedHashMap<>();
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final DeadLetterDispositions dispositions;
    private final Clock clock;

    public DeadLetterService(List<ConsumerBinding> bindings, Supplier<Consumer<byte[], byte[]>> consumers,
            KafkaTemplate<String, byte[]> kafka, DeadLetterDispositions dispositions, Clock clock) {
        bindings.forEach(b -> byDeadLetterTopic.putIfAbsent(b.deadLetterTopic(), b));
        this.consumers = consumers;
        this.kafka = kafka;
        this.dispositions = dispositions;
        this.clock = clock;
    }

    /** Dead letters not yet handled, of one topic or of all, oldest first per topic, at most {@code limit}. */
    public Flux<DeadLetterView> list(String topic, int limit) {
        List<String> topics = topic == null ? List.copyOf(byDeadLetterTopic.keySet()) : List.of(known(topic));
        return Flux.fromIterable(topics)
                .concatMap(t -> dispositions.handled(t).flatMapMany(handled -> Mono.fromCallable(() -> read(t, handled))
                        .subscribeOn(Schedulers.boundedElastic()).flatMapIterable(records -> records)))
                .take(limit)
                .map(this::view);
    }

    public Mono<DeadLetterView> replay(String topic, int partition, long offset, String operator) {
        return find(topic, partition, offset).flatMap(record -> replay(record, operator)).map(this::view);
    }

    /** Replays every waiting dead letter of one topic or of all; @return how many */
    public Mono<Long> replayAll(String topic, String operator) {
        return list(topic, Integer.MAX_VALUE)
                .concatMap(view -> find(view.topic(), view.partition(), view.offset())
                        .flatMap(record -> replay(record, operator)))
                .count();
    }

    public Mono<DeadLetterView> discard(String topic, int partition, long offset, String reason, String operator) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(new TijianException(DeadLetterError.REASON_REQUIRED));
        }
        return find(topic, partition, offset)
                .flatMap(record -> claim(record, Action.DISCARDED, reason.strip(), operator)
                        .doOnSuccess(done -> log.info("dead letter {} discarded by {}: {}", where(record), operator,
                                reason.strip()))
                        .thenReturn(record))
                .map(this::view);
    }

    private Mono<ConsumerRecord<byte[], byte[]>> replay(ConsumerRecord<byte[], byte[]> record, String operator) {
        String target = originalTopic(record);
        return claim(record, Action.REPLAYED, null, operator)
                .then(Mono.fromCallable(() -> {
                    ProducerRecord<String, byte[]> copy = new ProducerRecord<>(target, null, keyText(record),
                            record.value());
                    ownHeaders(record).forEach(h -> copy.headers().add(h));
                    kafka.send(copy).get(30, TimeUnit.SECONDS);
                    log.info("dead letter {} replayed to {} by {}", where(record), target, operator);
                    return record;
                }).subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(e -> !(e instanceof TijianException), e -> dispositions
                        .forget(record.topic(), record.partition(), record.offset())
                        .then(Mono.error(new TijianException(DeadLetterError.REPLAY_FAILED, where(record), e.toString()))));
    }

    private Mono<Void> claim(ConsumerRecord<byte[], byte[]> record, Action action, String reason, String operator) {
        return dispositions.record(new Disposition(record.topic(), record.partition(), record.offset(), action, reason,
                        operator, clock.instant()))
                .flatMap(fresh -> fresh ? Mono.<Void>empty()
                        : Mono.error(new TijianException(DeadLetterError.ALREADY_HANDLED, where(record))));
    }

    private Mono<ConsumerRecord<byte[], byte[]>> find(String topic, int partition, long offset) {
        known(topic);
        return Mono.fromCallable(() -> {
            try (Consumer<byte[], byte[]> consumer = consumers.get()) {
                TopicPartition tp = new TopicPartition(topic, partition);
                consumer.assign(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).getOrDefault(tp, 0L);
                if (offset >= end) {
                    return null;
                }
                consumer.seek(tp, offset);
                while (consumer.position(tp) <= offset) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        if (record.offset() == offset) {
                            return record;
                        }
                        if (record.offset() > offset) {
                            return null;
                        }
                    }
                }
                return null;
            } catch (IllegalArgumentException | org.apache.kafka.common.KafkaException e) {
                return null;
            }
        }).subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new TijianException(DeadLetterError.DEAD_LETTER_NOT_FOUND,
                        topic + "/" + partition + "/" + offset)));
    }

    /** Every record of the topic from its start to its current end, but those handled already. */
    private List<ConsumerRecord<byte[], byte[]>> read(String topic, Set<String> handled) {
        List<ConsumerRecord<byte[], byte[]>> result = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                return result;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!ends.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (!handled.contains(record.partition() + ":" + record.offset())) {
                        result.add(record);
                    }
                }
                ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        result.sort(java.util.Comparator.comparing(ConsumerRecord<byte[], byte[]>::timestamp));
        return result;
    }

    private String known(String topic) {
        if (!byDeadLetterTopic.containsKey(topic)) {
            throw new TijianException(DeadLetterError.UNKNOWN_DEAD_LETTER_TOPIC, topic);
        }
        return topic;
    }

    private String originalTopic(ConsumerRecord<byte[], byte[]> record) {
        String header = header(record, "x-original-topic");
        return header != null ? header : byDeadLetterTopic.get(record.topic()).topic();
    }

    private DeadLetterView view(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        ownHeaders(record).forEach(h -> headers.put(h.key(), h.value() == null ? null
                : new String(h.value(), StandardCharsets.UTF_8)));
        return new DeadLetterView(record.topic(), record.partition(), record.offset(), originalTopic(record),
                keyText(record), headers.get("ce_type"), headers.get("ce_id"), header(record, "x-exception-message"),
                Instant.ofEpochMilli(record.timestamp()), headers,
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    /** The record's headers without the dead-letter bookkeeping ({@code x-original-*}, {@code x-exception-*}). */
    private static List<Header> ownHeaders(ConsumerRecord<byte[], byte[]> record) {
        List<Header> own = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("x-original-") && !header.key().startsWith("x-exception-")) {
                own.add(header);
            }
        }
        return own;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String keyText(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String where(ConsumerRecord<byte[], byte[]> record) {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }
}
