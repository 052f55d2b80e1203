package org.tijian.evaluation.result;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many marks the next round claims. A round that claims all it asked for doubles the next one's size, up to the
 * largest; one that claims less goes back to the smallest. A deep queue (the areas above a replay's buildings) is so
 * worked off in fewer, larger rounds, each claim's fixed cost (finding the deepest level past the entries earlier
 * claims left dead in the queue's index) paid less often, while a queue that keeps up (new findings at 1,000 a
 * second) is worked off in small rounds, whose events do not hold up a later poll's behind them.
 */
final class RoundSize {

    private final int smallest;
    private final int largest;
    private final AtomicInteger next;

    RoundSize(int smallest, int largest) {
        if (smallest < 1) {
            throw new IllegalArgumentException("a round claims at least one mark, not " + smallest);
        }
        this.smallest = smallest;
        this.largest = Math.max(smallest, largest);
        this.next = new AtomicInteger(smallest);
    }

    int next() {
        return next.get();
    }

    /** @param claimed how many marks a round that asked for {@code asked} claimed (a result's duplicates included) */
    void claimed(int asked, int claimed) {
        next.set(claimed >= asked ? Math.min(largest, asked * 2) : smallest);
    }
}
