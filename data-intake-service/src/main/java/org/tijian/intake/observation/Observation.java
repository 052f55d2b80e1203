package org.tijian.intake.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.kit.error.TijianException;

/**
 * One accepted value of a data element for an area and check year, with its lineage (department,
 * submitter, time). Created only through {@link #accept}, which enforces the intake rules.
 */
public record Observation(
        UUID id,
        int checkYear,
        String areaCode,
        String dataElement,
        BigDecimal value,
        String unit,
        String note,
        String department,
        String submittedBy,
        String idempotencyKey,
        Instant receivedAt) {

    private static final Pattern AREA_CODE = Pattern.compile("\\d{2,24}");
    private static final Pattern DATA_ELEMENT = Pattern.compile("[A-Z][A-Z0-9_.-]{0,63}");

    /**
     * @param departmentAreas area codes whose subtrees the department reports for (codes extend
     *     their parent's code, so a subtree is a code prefix)
     */
    public static Observation accept(Submission submission, String department, List<String> departmentAreas,
            String submittedBy, String idempotencyKey, Instant now) {
        if (department == null || department.isBlank()) {
            throw new TijianException(IntakeError.NOT_A_DEPARTMENT);
        }
        if (submission.checkYear() < 2000 || submission.checkYear() > 2100) {
            throw new TijianException(IntakeError.CHECK_YEAR_OUT_OF_RANGE, submission.checkYear());
        }
        if (submission.areaCode() == null || !AREA_CODE.matcher(submission.areaCode()).matches()) {
            throw new TijianException(IntakeError.MALFORMED_AREA_CODE, submission.areaCode());
        }
        if (submission.dataElement() == null || !DATA_ELEMENT.matcher(submission.dataElement()).matches()) {
            throw new TijianException(IntakeError.MALFORMED_DATA_ELEMENT, submission.dataElement());
        }
        if (submission.value() == null) {
            throw new TijianException(IntakeError.VALUE_MISSING);
        }
        if (departmentAreas.stream().noneMatch(submission.areaCode()::startsWith)) {
            throw new TijianException(IntakeError.AREA_OUTSIDE_SCOPE, submission.areaCode());
        }
        return new Observation(UUID.randomUUID(), submission.checkYear(), submission.areaCode(),
                submission.dataElement(), submission.value(), submission.unit(), submission.note(), department,
                submittedBy, idempotencyKey, now);
    }

    /** Whether a retried upload carries the same content as the one accepted under its key. */
    public boolean sameContentAs(Submission submission) {
        return checkYear == submission.checkYear()
                && areaCode.equals(submission.areaCode())
                && dataElement.equals(submission.dataElement())
                && submission.value() != null && value.compareTo(submission.value()) == 0
                && Objects.equals(unit, submission.unit());
    }

    public ObservationAccepted accepted() {
        return new ObservationAccepted(id, checkYear, areaCode, dataElement, value, unit, department, submittedBy,
                receivedAt);
    }

    /** What a department sends for one value. */
    public record Submission(int checkYear, String areaCode, String dataElement, BigDecimal value, String unit,
            String note) {
    }
}
