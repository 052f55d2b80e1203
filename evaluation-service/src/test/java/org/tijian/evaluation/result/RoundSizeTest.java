package org.tijian.evaluation.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoundSizeTest {

    @Test
    void fullRoundsDoubleTheNextUpToTheLargestAndAShortOneGoesBackToTheSmallest() {
        RoundSize size = new RoundSize(1_000, 4_000);
        assertThat(size.next()).isEqualTo(1_000);

        size.claimed(1_000, 1_000);
        assertThat(size.next()).isEqualTo(2_000);
        size.claimed(2_000, 2_013);
        assertThat(size.next()).isEqualTo(4_000);
        size.claimed(4_000, 4_000);
        assertThat(size.next()).isEqualTo(4_000);

        size.claimed(4_000, 3_999);
        assertThat(size.next()).isEqualTo(1_000);
    }

    @Test
    void theLargestIsNeverBelowTheSmallestAndARoundClaimsSomething() {
        RoundSize size = new RoundSize(1_000, 500);
        size.claimed(1_000, 1_000);
        assertThat(size.next()).isEqualTo(1_000);
        assertThatThrownBy(() -> new RoundSize(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
