package org.tijian.ledger.problem;

import java.time.LocalDate;
import java.util.List;

/**
 * What an official or a unit asks to do with a problem.
 *
 * @param reason why: required to dismiss and to reopen
 * @param unit the responsible unit (责任单位), required to assign
 * @param deadline 整改期限; to assign a TIME_LIMITED problem it is required unless the problem already has one
 * @param text a progress note, required for REPORT_PROGRESS and REPORT_FIXED
 * @param evidence references to evidence (photos, documents) kept elsewhere
 * @param inspectionRecord the inspection record that verifies a fix (VERIFY)
 */
public record WorkflowCommand(
        Action action,
        String reason,
        String unit,
        LocalDate deadline,
        String text,
        List<String> evidence,
        String inspectionRecord) {

    public static WorkflowCommand of(Action action) {
        return new WorkflowCommand(action, null, null, null, null, List.of(), null);
    }

    public WorkflowCommand because(String why) {
        return new WorkflowCommand(action, why, unit, deadline, text, evidence, inspectionRecord);
    }

    public WorkflowCommand assignTo(String toUnit, LocalDate by) {
        return new WorkflowCommand(action, reason, toUnit, by, text, evidence, inspectionRecord);
    }

    public WorkflowCommand saying(String note, List<String> references) {
        return new WorkflowCommand(action, reason, unit, deadline, note, references, inspectionRecord);
    }

    public WorkflowCommand inspected(String record) {
        return new WorkflowCommand(action, reason, unit, deadline, text, evidence, record);
    }
}
