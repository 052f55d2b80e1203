package org.tijian.ledger.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Figures over the problem table for officials: progress per unit and the completion rate of a year's problems. */
@Repository
class R2dbcLedgerStatistics {

    private static final String OPEN = "status not in ('REPORTED_FIXED', 'VERIFIED', 'DISMISSED')";
    private static final String FIXED = "status in ('REPORTED_FIXED', 'VERIFIED')";

    private final DatabaseClient db;

    R2dbcLedgerStatistics(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Per responsible unit. A fixed problem is on time when it was reported fixed on or before its deadline (or has
     * none); it is late otherwise, and so is every open problem past its deadline.
     */
    Flux<UnitProgress> units(int checkYear, String areaCode, String zone) {
        return db.sql("select responsible_unit, "
                        + "count(*) filter (where " + OPEN + ") as open, "
                        + "count(*) filter (where overdue and " + OPEN + ") as overdue, "
                        + "count(*) filter (where status = 'REPORTED_FIXED') as fixed, "
                        + "count(*) filter (where status = 'VERIFIED') as verified, "
                        + "count(*) filter (where " + FIXED + " and (deadline is null or "
                        + "(fixed_at at time zone :zone)::date <= deadline)) as on_time, "
                        + "count(*) filter (where " + FIXED + " and (fixed_at at time zone :zone)::date > deadline) as late "
                        + "from problem where responsible_unit is not null and check_year = :year and area_code like :prefix "
                        + "group by responsible_unit order by responsible_unit")
                .bind("year", checkYear).bind("prefix", areaCode + "%").bind("zone", zone)
                .map(row -> UnitProgress.of(row.get("responsible_unit", String.class), row.get("open", Long.class),
                        row.get("overdue", Long.class), row.get("fixed", Long.class), row.get("verified", Long.class),
                        row.get("on_time", Long.class), row.get("late", Long.class)))
                .all();
    }

    /**
     * 问题整治完成率 of a year's problems per class: verified ones (in that year, or in the next year's ledger they
     * were carried into) among all that were not dismissed.
     */
    Flux<Completion> completion(int checkYear, String areaCode) {
        return db.sql("""
                        select p.rectification_class, count(*) as total,
                          count(*) filter (where p.status = 'VERIFIED' or c.status = 'VERIFIED') as completed
                        from problem p left join problem c on c.carried_from = p.id
                        where p.check_year = :year and p.area_code like :prefix and p.status <> 'DISMISSED'
                        group by p.rectification_class order by p.rectification_class desc""")
                .bind("year", checkYear).bind("prefix", areaCode + "%")
                .map(row -> new Completion(checkYear, row.get("rectification_class", String.class),
                        row.get("total", Long.class), row.get("completed", Long.class),
                        rate(row.get("completed", Long.class), row.get("total", Long.class))))
                .all();
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** @param onTimeRate on time / (on time + late fixed + open overdue); null when there is nothing to rate */
    record UnitProgress(String unit, long open, long overdue, long fixed, long verified, long onTime, long late,
            BigDecimal onTimeRate) {

        static UnitProgress of(String unit, long open, long overdue, long fixed, long verified, long onTime,
                long lateFixed) {
            long late = lateFixed + overdue;
            return new UnitProgress(unit, open, overdue, fixed, verified, onTime, late, rate(onTime, onTime + late));
        }
    }

    /** @param rate completed / total, four decimals; null when the class has no problems */
    record Completion(int checkYear, String rectificationClass, long total, long completed, BigDecimal rate) {
    }
}
