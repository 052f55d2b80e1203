package org.tijian.kit.operations;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Dispositions in the kit's {@code dead_letter_disposition} table (migration {@code db/kit/V0_3}). */
public class R2dbcDeadLetterDispositions implements DeadLetterDispositions {

    private final DatabaseClient db;

    public R2dbcDeadLetterDispositions(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> record(Disposition d) {
        var spec = db.sql("""
                        insert into dead_letter_disposition (topic, partition_no, record_offset, action, reason, operator, at)
                        values (:topic, :partition, :offset, :action, :reason, :operator, :at)
                        on conflict do nothing""")
                .bind("topic", d.topic()).bind("partition", d.partition()).bind("offset", d.offset())
                .bind("action", d.action().name()).bind("operator", d.operator()).bind("at", d.at());
        spec = d.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", d.reason());
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Void> forget(String topic, int partition, long offset) {
        return db.sql("delete from dead_letter_disposition where topic = :topic and partition_no = :partition"
                        + " and record_offset = :offset")
                .bind("topic", topic).bind("partition", partition).bind("offset", offset)
                .fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Set<String>> handled(String topic) {
        return db.sql("select partition_no, record_offset from dead_letter_disposition where topic = :topic")
                .bind("topic", topic)
                .map(row -> row.get("partition_no", Integer.class) + ":" + row.get("record_offset", Long.class))
                .all().collect(HashSet::new, Set::add);
    }

    @Override
    public Mono<Long> countFrom(String topic, Map<Integer, Long> startByPartition) {
        if (startByPartition.isEmpty()) {
            return Mono.just(0L);
        }
        Integer[] partitions = startByPartition.keySet().toArray(Integer[]::new);
        Long[] starts = new Long[partitions.length];
        for (int i = 0; i < partitions.length; i++) {
            starts[i] = startByPartition.get(partitions[i]);
        }
        return db.sql("""
                        select count(*) as n from dead_letter_disposition d
                        join unnest(:partitions::int[], :starts::bigint[]) as s(partition_no, start_offset)
                          on d.partition_no = s.partition_no and d.record_offset >= s.start_offset
                        where d.topic = :topic""")
                .bind("partitions", partitions).bind("starts", starts).bind("topic", topic)
                .map(row -> row.get("n", Long.class)).one();
    }
}
