package org.tijian.evaluation.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FeedBacklogTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FeedBacklog backlog = new FeedBacklog(now::get, Duration.ofSeconds(3), Duration.ofSeconds(10));

    @Test
    void aFeedNeverPolledFullIsNotBehind() {
        assertThat(backlog.catchingUp()).isFalse();
        backlog.polled(1_999, 2_000, Duration.ofMillis(300));
        assertThat(backlog.catchingUp()).isFalse();
    }

    @Test
    void aPollOfRecordsThatWaitedOnTheTopicMeansCatchingUpEvenWhenItIsNotFull() {
        backlog.polled(700, 2_000, Duration.ofSeconds(9));
        assertThat(backlog.catchingUp()).isFalse();
        backlog.polled(700, 2_000, Duration.ofSeconds(10));
        assertThat(backlog.catchingUp()).isTrue();
    }

    @Test
    void aFullPollMeansCatchingUpUntilNoPollHasBeenFullForTheQuietTime() {
        backlog.polled(2_000, 2_000, Duration.ZERO);
        assertThat(backlog.catchingUp()).isTrue();

        now.addAndGet(Duration.ofMillis(2_900).toNanos());
        backlog.polled(300, 2_000, Duration.ofMillis(50));
        assertThat(backlog.catchingUp()).isTrue();

        now.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(backlog.catchingUp()).isFalse();

        backlog.polled(2_000, 2_000, Duration.ZERO);
        assertThat(backlog.catchingUp()).isTrue();
    }
}
