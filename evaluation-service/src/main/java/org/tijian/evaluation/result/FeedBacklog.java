package org.tijian.evaluation.result;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether evaluation is catching up with intake's feed (a replay of the year, a restart after an outage): a poll came
 * back full, or its oldest record had waited on the topic for {@code backlog-age} (10 s; with two consumers, polls of a
 * backlog are not always full). While it is, the rounds leave the areas above the items alone (see
 * {@link EvaluationRoundService}): at the start of a replay the survey coverage marks every compound, street and
 * district, and each would be computed then and again as its buildings' findings arrive, on the cores the feed
 * needs. The items' own verdicts never wait; they are computed in the poll.
 *
 * <p>The feed counts as caught up once no such poll has come for {@code quiet} (3 s: while behind, the consumer polls
 * again as soon as a poll is stored, well within that). Wired by {@link RoundStateConfiguration}.
 */
public class FeedBacklog {

    private final LongSupplier nanoTime;
    private final long quietNanos;
    private final Duration behindAfter;
    private volatile long lastBehindPollNanos;

    FeedBacklog(LongSupplier nanoTime, Duration quiet, Duration behindAfter) {
        this.nanoTime = nanoTime;
        this.quietNanos = quiet.toNanos();
        this.behindAfter = behindAfter;
        this.lastBehindPollNanos = nanoTime.getAsLong() - quietNanos;
    }

    /**
     * A poll of {@code records} came in; {@code maxRecords} is the most a poll may bring, {@code oldestWaited} how long
     * its oldest record had been on the topic.
     */
    public void polled(int records, int maxRecords, Duration oldestWaited) {
        if (records >= maxRecords || oldestWaited.compareTo(behindAfter) >= 0) {
            lastBehindPollNanos = nanoTime.getAsLong();
        }
    }

    public boolean catchingUp() {
        return nanoTime.getAsLong() - lastBehindPollNanos < quietNanos;
    }
}
