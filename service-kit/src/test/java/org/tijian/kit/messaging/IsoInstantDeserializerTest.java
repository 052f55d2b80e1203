package org.tijian.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class IsoInstantDeserializerTest {

    private final JsonMapper json = JsonMapper.builder()
            .addModule(new SimpleModule().addDeserializer(Instant.class, new IsoInstantDeserializer()))
            .build();

    record Event(Instant at) {
    }

    @Test
    void readsTheTimesServicesWriteAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant written = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = json.writeValueAsString(new Event(written));
            assertThat(json.readValue(text, Event.class).at()).as(text).isEqualTo(written);
            assertThat(IsoInstantDeserializer.parseUtc(written.toString())).as(written.toString()).isEqualTo(written);
        }
    }

    @Test
    void readsEveryFractionLength() {
        for (String text : new String[] {"2024-05-01T08:00:00Z", "2024-05-01T08:00:00.1Z", "2024-05-01T08:00:00.12Z",
                "2024-05-01T08:00:00.123Z", "2024-05-01T08:00:00.123456Z", "2024-05-01T08:00:00.123456789Z",
                "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z"}) {
            assertThat(IsoInstantDeserializer.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesEveryOtherFormToJacksonsOwnDeserializer() {
        for (String text : new String[] {"2024-05-01T08:00:00+08:00", "2024-05-01T08:00:00.Z", "2024-05-01 08:00:00Z",
                "2024-05-01T08:00Z", "2023-02-29T08:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T08:00:60Z",
                "2024-05-01T08:00:00.1234567890Z", "+2024-05-01T08:00:00Z", "2024-05-01t08:00:00z", "2024-5-01T08:00:00Z"}) {
            assertThat(IsoInstantDeserializer.parseUtc(text)).as(text).isNull();
        }
        assertThat(json.readValue("{\"at\":\"2024-05-01T08:00:00+08:00\"}", Event.class).at())
                .isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(json.readValue("{\"at\":1714550400.5}", Event.class).at())
                .isEqualTo(Instant.parse("2024-05-01T08:00:00.5Z"));
        assertThatThrownBy(() -> json.readValue("{\"at\":\"2023-02-29T08:00:00Z\"}", Event.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("2023-02-29T08:00:00Z");
    }
}
