package org.tijian.ledger.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

    /**
     * The burn-down of a year's problems: per week (Mondays, in {@code zone}) how many opened, how many were closed
     * (reported fixed or verified, by their fixed or verified time; dismissed, by their last change) and how many
     * were still open at the week's end. A problem reopened since counts as open.
     */
    Mono<BurnDown> burnDown(int checkYear, String areaCode, String zone) {
        return db.sql("""
                        with p as (
                          select (identified_at at time zone :zone)::date as opened,
                            (case when status in ('REPORTED_FIXED', 'VERIFIED') then coalesce(fixed_at, verified_at, updated_at)
                                  when status = 'DISMISSED' then updated_at end at time zone :zone)::date as closed
                          from problem where check_year = :year and area_code like :prefix)
                        select week, sum(opened) as opened, sum(closed) as closed from (
                          select date_trunc('week', opened)::date as week, 1 as opened, 0 as closed from p
                          union all
                          select date_trunc('week', closed)::date, 0, 1 from p where closed is not null) w
                        group by week order by week""")
                .bind("year", checkYear).bind("prefix", areaCode + "%").bind("zone", zone)
                .map(row -> new long[] {row.get("week", LocalDate.class).toEpochDay(),
                        row.get("opened", Number.class).longValue(), row.get("closed", Number.class).longValue()})
                .all()
                .collectList()
                .map(weeks -> BurnDown.of(checkYear, areaCode, weeks));
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

    /** @param weeks oldest first; {@code open} = all opened so far − all closed so far, at the week's end */
    record BurnDown(int checkYear, String areaCode, long total, List<Week> weeks) {

        record Week(LocalDate week, long opened, long closed, long open) {
        }

        /** @param rows per week: epoch day of its Monday, opened, closed */
        static BurnDown of(int checkYear, String areaCode, List<long[]> rows) {
            List<Week> weeks = new ArrayList<>();
            long opened = 0;
            long closed = 0;
            for (long[] row : rows) {
                opened += row[1];
                closed += row[2];
                weeks.add(new Week(LocalDate.ofEpochDay(row[0]), row[1], row[2], opened - closed));
            }
            return new BurnDown(checkYear, areaCode, opened, weeks);
        }
    }

    /** @param rate completed / total, four decimals; null when the class has no problems */
    record Completion(int checkYear, String rectificationClass, long total, long completed, BigDecimal rate) {
    }
}
