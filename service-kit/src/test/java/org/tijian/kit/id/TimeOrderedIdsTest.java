package org.tijian.kit.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidOfItsMillisecond() {
        UUID id = TimeOrderedIds.next(1_790_000_000_123L);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(1_790_000_000_123L);
    }

    @Test
    void idsIncreaseInTheirTextualOrderEvenWithinOneMillisecondAndWhenTheClockGoesBack() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next(i < 5_000 ? 1_790_000_000_000L : 1_789_999_999_000L));
        }

        List<String> texts = ids.stream().map(UUID::toString).toList();
        assertThat(texts).isSorted().doesNotHaveDuplicates();
    }
}
