package org.tijian.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the records a batch consumer could not apply to the consumer group's dead-letter topic, as they were (their own
 * headers included), with the headers the Kafka binder's own DLQ uses ({@code x-original-topic}, {@code x-original-partition},
 * {@code x-original-offset}, {@code x-exception-message}), and waits for the broker: the poll's offsets are
 * committed only after its rejected records are safe.
 */
public final class DeadLetters {

    private final KafkaTemplate<String, byte[]> kafka;

    public DeadLetters(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public void send(String deadLetterTopic, List<DeadLetter> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (DeadLetter r : rejected) {
            var record = new ProducerRecord<String, byte[]>(deadLetterTopic, r.record().keyText(), r.record().value());
            r.record().headers().forEach((name, value) -> {
                if (value instanceof byte[] bytes) {
                    record.headers().add(name, bytes);
                } else if (value instanceof String text) {
                    header(record, name, text);
                }
            });
            header(record, "x-original-topic", r.record().topic());
            header(record, "x-original-partition", String.valueOf(r.record().partition()));
            header(record, "x-original-offset", String.valueOf(r.record().offset()));
            header(record, "x-exception-message", r.reason());
            sent.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering to " + deadLetterTopic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot dead-letter " + rejected.size() + " records to " + deadLetterTopic, e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
