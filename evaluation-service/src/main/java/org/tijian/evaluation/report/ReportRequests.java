package org.tijian.evaluation.report;

import org.tijian.contracts.AreaLevel;
import org.tijian.evaluation.EvaluationError;
import org.tijian.kit.error.TijianException;

/** What a report request must satisfy before anything is read. */
public final class ReportRequests {

    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2100;
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1_000;
    /** How many areas without data a completeness report names per indicator; the count covers them all. */
    public static final int NO_DATA_AREAS_PER_INDICATOR = 200;

    private ReportRequests() {
    }

    /** @throws TijianException 422 EVAL_E2005 outside 2020–2100 */
    public static void checkYear(int checkYear) {
        if (checkYear < FIRST_YEAR || checkYear > LAST_YEAR) {
            throw new TijianException(EvaluationError.CHECK_YEAR_OUT_OF_RANGE, checkYear);
        }
    }

    /** @throws TijianException 422 EVAL_E2006 for a negative page or a size outside 1–1000 */
    public static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new TijianException(EvaluationError.PAGE_OUT_OF_RANGE, MAX_PAGE_SIZE, page, size);
        }
    }

    /** @throws TijianException 422 EVAL_E2003 when the area is not a city */
    public static ReportArea city(ReportArea area) {
        if (area.level() != AreaLevel.CITY) {
            throw new TijianException(EvaluationError.NOT_A_CITY, area.code(), area.level());
        }
        return area;
    }

    /** @throws TijianException 422 EVAL_E2004 when the area is not a province */
    public static ReportArea province(ReportArea area) {
        if (area.level() != AreaLevel.PROVINCE) {
            throw new TijianException(EvaluationError.NOT_A_PROVINCE, area.code(), area.level());
        }
        return area;
    }
}
