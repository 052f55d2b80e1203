package org.tijian.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code intake.observations.v1} from the beginning to its current end with a plain consumer (assigned
 * partitions, no group) and counts one batch's ObservationAccepted records: how many, how many distinct rows,
 * their sizes, the first and last record timestamp; keeps one as the template of the baseline's records.
 */
final class ObservationTopic {

    static final String TOPIC = "intake.observations.v1";
    static final String OBSERVATION_ACCEPTED = "org.tijian.intake.ObservationAccepted.v1";

    record Count(int partitions, long records, long distinctRows, long valueBytes, long headerBytes, long keyBytes,
            long firstTimestamp, long lastTimestamp, ConsumerRecord<byte[], byte[]> sample) {

        double averageValueBytes() {
            return records == 0 ? 0 : (double) valueBytes / records;
        }

        double averageHeaderBytes() {
            return records == 0 ? 0 : (double) headerBytes / records;
        }
    }

    private ObservationTopic() {
    }

    static Count countBatch(String bootstrapServers, String batchId, long expectedRows) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
        byte[] needle = batchId.getBytes(StandardCharsets.US_ASCII);
        BitSet rows = new BitSet((int) Math.min(Integer.MAX_VALUE, expectedRows + 2));
        long records = 0;
        long valueBytes = 0;
        long headerBytes = 0;
        long keyBytes = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        ConsumerRecord<byte[], byte[]> sample = null;
        int partitionCount;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(TOPIC)) {
                partitions.add(new TopicPartition(TOPIC, info.partition()));
            }
            partitionCount = partitions.size();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (!end.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(2))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (type == null || !OBSERVATION_ACCEPTED.equals(new String(type.value(), StandardCharsets.UTF_8))
                            || indexOf(record.value(), needle, 0) < 0) {
                        continue;
                    }
                    records++;
                    int rowNo = rowNo(record.value());
                    if (rowNo >= 0) {
                        rows.set(rowNo);
                    }
                    valueBytes += record.value().length;
                    keyBytes += record.key() == null ? 0 : record.key().length;
                    for (Header header : record.headers()) {
                        headerBytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
                    }
                    first = Math.min(first, record.timestamp());
                    last = Math.max(last, record.timestamp());
                    if (sample == null) {
                        sample = record;
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return new Count(partitionCount, records, rows.cardinality(), valueBytes, headerBytes, keyBytes, first, last, sample);
    }

    /** The {@code rowNo} of the JSON payload, or -1. */
    private static int rowNo(byte[] value) {
        int at = indexOf(value, "\"rowNo\"".getBytes(StandardCharsets.US_ASCII), 0);
        if (at < 0) {
            return -1;
        }
        int i = at + 7;
        while (i < value.length && (value[i] == ':' || value[i] == ' ')) {
            i++;
        }
        int number = 0;
        boolean any = false;
        while (i < value.length && value[i] >= '0' && value[i] <= '9') {
            number = number * 10 + (value[i++] - '0');
            any = true;
        }
        return any ? number : -1;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
