package org.tijian.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the broker takes from one plain producer configured as the outbox relay's (acks=all, idempotent, 5 in
 * flight, linger 5 ms, 128 KB batches, lz4): the benchmark's keys (area codes) with records shaped like intake's ObservationAccepted,
 * built from one record intake actually published (same headers, same JSON with another area, row, data
 * element, value and id), sent to a scratch topic with as many partitions as intake's.
 */
final class KafkaProducerBaseline {

    static final String TOPIC = "benchmark.baseline.observations";
    private static final int WARM_UP = 20_000;

    record Result(long records, long failed, double seconds, double averageValueBytes, double averageHeaderBytes) {

        double perSecond() {
            return records / seconds;
        }
    }

    private final String bootstrapServers;
    private final ValueRows keys;
    private final RecordTemplate template;
    private final List<Header> headers;

    KafkaProducerBaseline(String bootstrapServers, ValueRows keys, ConsumerRecord<byte[], byte[]> sample) {
        this.bootstrapServers = bootstrapServers;
        this.keys = keys;
        Header subject = sample.headers().lastHeader("ce_subject");
        this.template = RecordTemplate.of(new String(sample.value(), StandardCharsets.UTF_8),
                new String(sample.key(), StandardCharsets.UTF_8),
                subject == null ? null : new String(subject.value(), StandardCharsets.UTF_8));
        this.headers = new ArrayList<>();
        sample.headers().forEach(headers::add);
    }

    Result run(long count, int partitions) throws InterruptedException, ExecutionException, TimeoutException {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-baseline");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            send(producer, 0, Math.min(WARM_UP, count), new AtomicLong(), new AtomicLong());
            AtomicLong acknowledged = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long started = System.nanoTime();
            long[] sizes = send(producer, 0, count, acknowledged, failed);
            producer.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(acknowledged.get(), failed.get(), seconds, (double) sizes[0] / count,
                    (double) sizes[1] / count);
        }
    }

    /** @return total value bytes and header bytes sent */
    private long[] send(KafkaProducer<String, byte[]> producer, long first, long count, AtomicLong acknowledged,
            AtomicLong failed) {
        AtomicReference<Exception> firstError = new AtomicReference<>();
        Callback callback = (metadata, exception) -> {
            if (exception == null) {
                acknowledged.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstError.compareAndSet(null, exception);
            }
        };
        long valueBytes = 0;
        long headerBytes = 0;
        for (long key = first; key < first + count; key++) {
            String area = keys.area(key);
            String[] element = keys.dataElement(key);
            String id = UUID.randomUUID().toString();
            byte[] value = template.fill(id, area, key + 2, element[0], element[1], (key * 7919) % 100_000 / 10.0)
                    .getBytes(StandardCharsets.UTF_8);
            RecordHeaders recordHeaders = new RecordHeaders();
            for (Header header : headers) {
                byte[] headerValue = switch (header.key()) {
                    case "ce_id" -> UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
                    case "ce_subject" -> id.getBytes(StandardCharsets.UTF_8);
                    default -> header.value();
                };
                recordHeaders.add(header.key(), headerValue);
                headerBytes += header.key().length() + (headerValue == null ? 0 : headerValue.length);
            }
            valueBytes += value.length;
            producer.send(new ProducerRecord<>(TOPIC, null, area, value, recordHeaders), callback);
        }
        producer.flush();
        if (firstError.get() != null) {
            System.out.println("baseline producer: " + failed.get() + " sends failed, first: " + firstError.get());
        }
        return new long[] {valueBytes, headerBytes};
    }

    /** One published payload with its variable parts cut out, filled again per record. */
    static final class RecordTemplate {

        private final List<String> literals = new ArrayList<>();
        private final List<String> slots = new ArrayList<>();

        static RecordTemplate of(String payload, String sampleArea, String sampleObservationId) {
            String marked = payload;
            if (sampleObservationId != null) {
                marked = marked.replace(sampleObservationId, "\u0000id\u0000");
            }
            marked = marked.replace("\"" + sampleArea + "\"", "\"\u0000area\u0000\"")
                    .replaceFirst("(\"rowNo\":\\s*)\\d+", "$1\u0000row\u0000")
                    .replaceFirst("(\"dataElement\":\\s*\")[^\"]*\"", "$1\u0000element\u0000\"")
                    .replaceFirst("(\"unit\":\\s*\")[^\"]*\"", "$1\u0000unit\u0000\"")
                    .replaceFirst("(\"value\":\\s*)[0-9.eE+-]+", "$1\u0000value\u0000");
            RecordTemplate template = new RecordTemplate();
            String[] parts = marked.split("\u0000", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i % 2 == 0) {
                    template.literals.add(parts[i]);
                } else {
                    template.slots.add(parts[i]);
                }
            }
            return template;
        }

        String fill(String id, String area, long row, String element, String unit, double value) {
            StringBuilder out = new StringBuilder(512);
            for (int i = 0; i < slots.size(); i++) {
                out.append(literals.get(i));
                switch (slots.get(i)) {
                    case "id" -> out.append(id);
                    case "area" -> out.append(area);
                    case "row" -> out.append(row);
                    case "element" -> out.append(element);
                    case "unit" -> out.append(unit);
                    case "value" -> out.append(value);
                    default -> throw new IllegalStateException(slots.get(i));
                }
            }
            return out.append(literals.get(slots.size())).toString();
        }
    }
}
