package org.tijian.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;
import org.tijian.kit.messaging.DeadLetter;
import org.tijian.kit.messaging.PolledRecord;

class CatalogPollTest {

    /** A definition "code:revision". */
    private record Def(String code, long revision) {
    }

    private static final CatalogPoll.Reader<Def> READER = new CatalogPoll.Reader<>() {
        @Override
        public Def read(byte[] value) {
            String[] parts = new String(value, StandardCharsets.UTF_8).split(":");
            return new Def(parts[0].isEmpty() ? null : parts[0], Long.parseLong(parts[1]));
        }

        @Override
        public String code(Def definition) {
            return definition.code();
        }

        @Override
        public String problem(Def definition) {
            return CatalogPoll.missing("code", definition.code());
        }
    };

    private final List<PolledRecord> records = new ArrayList<>();

    private void record(String key, String value) {
        records.add(new PolledRecord("catalog.test.v1", 0, (long) records.size(), null, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), java.util.Map.of()));
    }

    private CatalogPoll<Def> poll() {
        return CatalogPoll.of(records, READER, (incoming, held) -> incoming.revision() >= held.revision());
    }

    @Test
    void laterRecordOfACodeWinsUnlessItIsOlder() {
        record("A", "A:1");
        record("A", "A:3");
        record("A", "A:2");
        record("B", "B:1");

        assertThat(poll().latest()).containsExactly(Map.entry("A", new Def("A", 3)), Map.entry("B", new Def("B", 1)));
    }

    @Test
    void deletionRemovesEarlierDefinitionAndALaterDefinitionRestoresIt() {
        record("A", "A:1");
        record("A", null);
        record("B", null);
        record("B", "B:1");

        CatalogPoll<Def> poll = poll();

        assertThat(poll.latest()).containsOnlyKeys("B");
        assertThat(poll.removed()).containsExactly("A");
    }

    @Test
    void unreadableIncompleteAndMiskeyedRecordsAreRejectedWithTheirReason() {
        record("A", "not a definition");
        record("B", ":1");
        record("C", "D:1");
        record(null, null);
        record("E", "E:1");

        CatalogPoll<Def> poll = poll();

        assertThat(poll.latest()).containsOnlyKeys("E");
        assertThat(poll.rejected()).extracting(DeadLetter::reason).containsExactly(
                "unreadable: Index 1 out of bounds for length 1", "missing code", "the key C is not the code D",
                "a deletion (null value) without a key");
        assertThat(poll.rejected().get(0).record().where()).isEqualTo("catalog.test.v1-0@0 (key A)");
    }

    @Test
    void batchHeadersGiveEachRecordItsKeyAndPositionAndATombstoneNoValue() {
        var batch = MessageBuilder.withPayload(List.<byte[]>of("A:1".getBytes(StandardCharsets.UTF_8)))
                .setHeader(KafkaHeaders.RECEIVED_KEY, List.of("A".getBytes(StandardCharsets.UTF_8), "B".getBytes(StandardCharsets.UTF_8)))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(1, 1))
                .setHeader(KafkaHeaders.OFFSET, List.of(41L, 42L))
                .build();
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Object> values = (List) new ArrayList<>(batch.getPayload());
        values.add(KafkaNull.INSTANCE);
        @SuppressWarnings({"unchecked", "rawtypes"})
        var withTombstone = MessageBuilder.withPayload((List<byte[]>) (List) values).copyHeaders(batch.getHeaders()).build();

        List<PolledRecord> received = PolledRecord.all(withTombstone, "catalog.areas.v1");

        assertThat(received).hasSize(2);
        assertThat(received.get(0).keyText()).isEqualTo("A");
        assertThat(received.get(0).where()).isEqualTo("catalog.areas.v1-1@41 (key A)");
        assertThat(received.get(1).value()).isNull();
        assertThat(received.get(1).keyText()).isEqualTo("B");
    }
}
