package org.tijian.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private final SlidingWindow tenAMinute = new SlidingWindow(10, Duration.ofMinutes(1));

    @Test
    void windowsStartOnWholeWindows() {
        assertThat(tenAMinute.windowStart(125_000)).isEqualTo(120_000);
        assertThat(tenAMinute.windowStart(120_000)).isEqualTo(120_000);
    }

    @Test
    void requestsUpToTheLimitPass() {
        assertThat(tenAMinute.decide(10, 0, 30_000).allowed()).isTrue();
        assertThat(tenAMinute.decide(11, 0, 30_000).allowed()).isFalse();
    }

    @Test
    void previousWindowWeighsByWhatIsStillInsideTheSlidingWindow() {
        // 45 s into the window, a quarter of the previous window's 20 requests still count: 5 + 5 = 10
        assertThat(tenAMinute.decide(5, 20, 45_000).allowed()).isTrue();
        // 15 s into it, three quarters do: 15 + 5 > 10
        assertThat(tenAMinute.decide(5, 20, 15_000).allowed()).isFalse();
    }

    @Test
    void retryAfterIsWhenTheEstimateFallsBackToTheLimit() {
        // 15 + 5 at 15 s: the previous window must shrink to 5, i.e. at 45 s, 30 s from now
        assertThat(tenAMinute.decide(5, 20, 15_000).retryAfterSeconds()).isEqualTo(30);
        // 20 in this window at 10 s: 50 s until it ends, then half of the next window for 20 to weigh 10
        assertThat(tenAMinute.decide(20, 0, 10_000).retryAfterSeconds()).isEqualTo(80);
    }

    @Test
    void aLimitAllowsAtLeastOneRequest() {
        assertThatThrownBy(() -> new SlidingWindow(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
