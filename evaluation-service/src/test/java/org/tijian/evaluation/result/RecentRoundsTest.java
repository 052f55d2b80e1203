package org.tijian.evaluation.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Verdict;
import org.tijian.kit.id.TimeOrderedIds;

class RecentRoundsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static List<RecentRounds.Placed> round(int size) {
        return IntStream.rangeClosed(1, size).mapToObj(position -> new RecentRounds.Placed(position,
                new IndicatorResult(TimeOrderedIds.next(), 2025, "3601", "U01", 1, BigDecimal.ONE, "%", Verdict.PASS,
                        ">= 70", null, "", List.of(), Instant.EPOCH, AreaLevel.CITY, AreaLevel.CITY, null, null, null,
                        null, null, List.of(), null, 1, null, null))).toList();
    }

    private static List<Long> positions(List<RecentRounds.Placed> placed) {
        return placed.stream().map(RecentRounds.Placed::position).toList();
    }

    @Test
    void aRoundIsReadInPagesAfterThePositionGivenAndLetGoByTheReadThatReachesItsEnd() {
        RecentRounds recent = new RecentRounds(100, meters);
        recent.keep(7, round(5));

        assertThat(recent.after(7, 0, 2)).hasValueSatisfying(page -> assertThat(positions(page)).containsExactly(1L, 2L));
        assertThat(recent.after(7, 2, 2)).hasValueSatisfying(page -> assertThat(positions(page)).containsExactly(3L, 4L));
        assertThat(recent.after(7, 4, 2)).hasValueSatisfying(page -> assertThat(positions(page)).containsExactly(5L));
        // the relay completed the round with that read; should it have to send it again, it reads the database
        assertThat(recent.after(7, 4, 2)).isEmpty();
        assertThat(meters.get("tijian.evaluation.relay.reads").tag("read", "memory").counter().count()).isEqualTo(3);
        assertThat(meters.get("tijian.evaluation.relay.reads").tag("read", "database").counter().count()).isEqualTo(1);
    }

    @Test
    void theOldestRoundsAreDroppedBeyondTheCapacityAndARoundLargerThanItIsNotKept() {
        RecentRounds recent = new RecentRounds(10, meters);
        recent.keep(1, round(4));
        recent.keep(2, round(4));
        recent.keep(3, round(4));
        recent.keep(4, round(11));

        assertThat(recent.after(1, 0, 100)).as("dropped for round 3").isEmpty();
        assertThat(recent.after(2, 0, 100)).hasValueSatisfying(page -> assertThat(page).hasSize(4));
        assertThat(recent.after(3, 0, 100)).hasValueSatisfying(page -> assertThat(page).hasSize(4));
        assertThat(recent.after(4, 0, 100)).as("larger than the capacity").isEmpty();
    }
}
