package org.tijian.projects.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A workflow action an official, the approver or a responsible unit asks for.
 *
 * @param reason why: required to return and to cancel
 * @param resolutionNumber 常务会议决议文号, with {@code resolutionDate} required to approve and to return
 * @param department 责任部门 code to issue to (defaults to the project's)
 * @param note progress text, required for REPORT_PROGRESS
 * @param completedProblemIds linked problems now done (progress weighted by their quantity)
 * @param completedQuantity for a project without linked problems: how much of its scale is done
 * @param acceptanceRecord 验收记录, with {@code acceptedOn} required to complete
 * @param batchId the year's batch a SUBMIT belongs to (set by the batch submission)
 */
public record ProjectCommand(
        Action action,
        String reason,
        String resolutionNumber,
        LocalDate resolutionDate,
        String department,
        String note,
        List<UUID> completedProblemIds,
        BigDecimal completedQuantity,
        String acceptanceRecord,
        LocalDate acceptedOn,
        UUID batchId) {

    public ProjectCommand {
        completedProblemIds = completedProblemIds == null ? List.of() : List.copyOf(completedProblemIds);
    }

    public static ProjectCommand of(Action action) {
        return new ProjectCommand(action, null, null, null, null, null, List.of(), null, null, null, null);
    }

    public ProjectCommand because(String why) {
        return new ProjectCommand(action, why, resolutionNumber, resolutionDate, department, note, completedProblemIds,
                completedQuantity, acceptanceRecord, acceptedOn, batchId);
    }

    public ProjectCommand resolved(String number, LocalDate date) {
        return new ProjectCommand(action, reason, number, date, department, note, completedProblemIds,
                completedQuantity, acceptanceRecord, acceptedOn, batchId);
    }

    public ProjectCommand progress(String text, List<UUID> doneProblems, BigDecimal doneQuantity) {
        return new ProjectCommand(action, reason, resolutionNumber, resolutionDate, department, text, doneProblems,
                doneQuantity, acceptanceRecord, acceptedOn, batchId);
    }

    public ProjectCommand accepted(String record, LocalDate on) {
        return new ProjectCommand(action, reason, resolutionNumber, resolutionDate, department, note, completedProblemIds,
                completedQuantity, record, on, batchId);
    }

    public ProjectCommand inBatch(UUID batch) {
        return new ProjectCommand(action, reason, resolutionNumber, resolutionDate, department, note, completedProblemIds,
                completedQuantity, acceptanceRecord, acceptedOn, batch);
    }
}
