package org.tijian.evaluation.result;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The new versions of the rounds this instance wrote lately, kept in memory for the relay, which would otherwise read
 * each of them back from {@code indicator_result} right after they were written (a replay's relay read 10.8 million
 * rows: a seventh of PostgreSQL's time). The outbox row stays the durable record: a round that is not here (computed
 * by another replica, written before a restart, evicted, or asked for again after a failed send) is read from the
 * database as before. A round is kept when its transaction has written it, before the commit: a round rolled back
 * is never asked for (its outbox row is gone and round ids are not reused) and only waits to be evicted.
 */
class RecentRounds {

    /** A new version and its place in its round. */
    record Placed(long position, IndicatorResult result) {
    }

    private final int capacity;
    private final Map<Long, List<Placed>> rounds = new LinkedHashMap<>();
    private final Counter fromMemory;
    private final Counter fromDatabase;
    private int held;

    /** @param capacity how many versions at most are held; the oldest rounds are dropped beyond it */
    RecentRounds(int capacity, MeterRegistry meters) {
        this.capacity = capacity;
        this.fromMemory = reads("memory", meters);
        this.fromDatabase = reads("database", meters);
    }

    private static Counter reads(String from, MeterRegistry meters) {
        return Counter.builder("tijian.evaluation.relay.reads").tag("read", from)
                .description("The relay's reads of evaluation rounds, served from memory or from the database")
                .register(meters);
    }

    /** @param placed the round's new versions in position order */
    synchronized void keep(long roundId, List<Placed> placed) {
        if (placed.isEmpty() || placed.size() > capacity) {
            return;
        }
        rounds.put(roundId, List.copyOf(placed));
        held += placed.size();
        Iterator<List<Placed>> oldest = rounds.values().iterator();
        while (held > capacity) {
            held -= oldest.next().size();
            oldest.remove();
        }
    }

    /**
     * The round's versions after {@code position}, at most {@code limit}, or nothing when the round is not held. A read
     * that reaches the round's end lets it go: the relay completes the round with it, and reads it from the database
     * should it have to send it again.
     */
    synchronized Optional<List<Placed>> after(long roundId, long position, int limit) {
        List<Placed> round = rounds.get(roundId);
        if (round == null) {
            fromDatabase.increment();
            return Optional.empty();
        }
        List<Placed> next = new ArrayList<>(Math.min(limit, round.size()));
        for (Placed placed : round) {
            if (placed.position() > position && next.size() < limit) {
                next.add(placed);
            }
        }
        if (next.size() < limit) {
            rounds.remove(roundId);
            held -= round.size();
        }
        fromMemory.increment();
        return Optional.of(next);
    }
}
