package org.tijian.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * One record of a poll that a batch consumer received as raw bytes ({@code batch-mode} with
 * {@code use-native-decoding}), with where it came from and its own headers.
 *
 * @param timestamp the record's timestamp (epoch milliseconds), null if the poll did not carry it
 * @param value null for a deletion (tombstone)
 */
public record PolledRecord(String topic, Integer partition, Long offset, Long timestamp, byte[] key, byte[] value,
        Map<String, Object> headers) {

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    public String where() {
        return topic + "-" + partition + "@" + offset + " (key " + keyText() + ")";
    }

    public String header(String name) {
        return CloudEventHeaders.text(headers, name);
    }

    /** The records of a poll with their keys, positions and headers; a tombstone arrives as KafkaNull. */
    public static List<PolledRecord> all(Message<List<byte[]>> batch, String topic) {
        List<?> values = batch.getPayload();
        MessageHeaders headers = batch.getHeaders();
        List<?> keys = list(headers.get(KafkaHeaders.RECEIVED_KEY));
        List<?> topics = list(headers.get(KafkaHeaders.RECEIVED_TOPIC));
        List<?> partitions = list(headers.get(KafkaHeaders.RECEIVED_PARTITION));
        List<?> offsets = list(headers.get(KafkaHeaders.OFFSET));
        List<?> timestamps = list(headers.get(KafkaHeaders.RECEIVED_TIMESTAMP));
        List<?> recordHeaders = list(headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS));
        List<PolledRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value != null && !(value instanceof byte[]) && !(value instanceof KafkaNull)) {
                throw new IllegalStateException("a batch consumer of raw records got a " + value.getClass().getName()
                        + " from " + topic + ": is use-native-decoding off?");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> own = at(recordHeaders, i) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            records.add(new PolledRecord(
                    at(topics, i) instanceof String received ? received : topic,
                    at(partitions, i) instanceof Integer partition ? partition : null,
                    at(offsets, i) instanceof Long offset ? offset : null,
                    at(timestamps, i) instanceof Long timestamp ? timestamp : null,
                    bytes(at(keys, i)),
                    value instanceof byte[] bytes ? bytes : null,
                    own));
        }
        return records;
    }

    private static List<?> list(Object header) {
        return header instanceof List<?> list ? list : List.of();
    }

    private static Object at(List<?> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }

    private static byte[] bytes(Object key) {
        if (key instanceof byte[] bytes) {
            return bytes;
        }
        return key instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
    }
}
