package org.tijian.ledger.problem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.contracts.ledger.ProblemOverdue;
import org.tijian.contracts.ledger.ProblemStatusChanged;
import org.tijian.kit.error.TijianException;

/**
 * A problem in the ledger (问题台账) of its area, opened from a failing evaluation result and tracked to a verified fix.
 * State changes only through its methods; each returns the changed problem with the {@link HistoryEntry} to append.
 *
 * @param streetCode 街道 (null when the area lies above a street); likewise community (社区), compound (小区), building (楼栋)
 * @param explanation the evaluation's formula with numbers, e.g. {@code 64 < 70}
 * @param description 问题明细
 * @param classReason why the class was chosen: INDICATOR_DEFAULT, SAFETY_SEVERITY:…, SAFETY_INDICATOR,
 *     SAFETY_CATEGORY:…, COMPLAINTS:n
 * @param suggestion 整治建议, from the indicator's catalog definition when it has one
 * @param rectificationArea 整治区域: the area's name path, or its code when the area copy does not know it
 * @param problemType the indicator's category (分类) from the catalog copy, e.g. 安全耐久
 * @param passedWithoutReport a later result passed although nobody reported the problem fixed
 * @param verifiedBy DATA or INSPECTION once verified
 * @param resultVersion the version of the evaluation result the problem reflects (older results are ignored)
 * @param carriedFrom the problem of the previous check year this one was carried over from
 * @param version increases with every change; the If-Match / expectedVersion of a change
 */
public record Problem(
        UUID id,
        int checkYear,
        String areaCode,
        AreaLevel areaLevel,
        String streetCode,
        String communityCode,
        String compoundCode,
        String buildingCode,
        String indicatorCode,
        String indicatorNameZh,
        Dimension dimension,
        BigDecimal resultValue,
        String unit,
        String standard,
        String explanation,
        String description,
        String severity,
        RectificationClass rectificationClass,
        String classReason,
        String suggestion,
        String rectificationArea,
        String problemType,
        String responsibleUnit,
        LocalDate deadline,
        ProblemStatus status,
        boolean overdue,
        boolean passedWithoutReport,
        String verifiedBy,
        UUID sourceResultId,
        int resultVersion,
        UUID carriedFrom,
        Instant identifiedAt,
        Instant fixedAt,
        Instant verifiedAt,
        Instant updatedAt,
        long version) {

    public static final String EVALUATION = "system:evaluation";
    public static final String DEADLINE_CHECK = "system:deadline";
    public static final String CARRY_OVER = "system:carry-over";
    public static final String COMPLAINTS = "system:complaints";
    /** The actor of a change made by a completed project: this prefix and the project's id. */
    public static final String PROJECT = "project:";

    /** What the ledger knows about a failing result's indicator and area when it opens a problem. */
    public record Opening(ClassingPolicy policy, AreaPath area, String categoryZh, String suggestionZh, long complaints,
            LocalDate today) {
    }

    /** A changed problem and the history entry recording the change. */
    public record Change(Problem after, HistoryEntry entry) {

        public ProblemStatusChanged event() {
            return new ProblemStatusChanged(after.id(), after.checkYear(), after.areaCode(), after.indicatorCode(),
                    entry.action().name(), entry.fromStatus().name(), entry.toStatus().name(),
                    after.rectificationClass(), after.responsibleUnit(), after.deadline(), entry.reason(),
                    after.verifiedBy(), entry.actor(), after.version(), entry.at());
        }
    }

    /** A failing result reveals a problem; any other verdict does not, nor does an aggregate above the indicator's level. */
    public static boolean opens(IndicatorEvaluated result) {
        return result.verdict() == Verdict.FAIL && !aggregate(result);
    }

    public static Optional<Problem> identify(IndicatorEvaluated result, Opening opening, Instant now) {
        if (!opens(result)) {
            return Optional.empty();
        }
        ClassingPolicy.Decision decision = opening.policy().decide(result.indicatorCode(),
                result.defaultRectificationClass(), result.severity(), opening.categoryZh(), opening.complaints());
        AreaPath area = opening.area();
        return Optional.of(new Problem(UUID.randomUUID(), result.checkYear(), result.areaCode(), result.areaLevel(),
                area.streetCode(), area.communityCode(), area.compoundCode(), area.buildingCode(),
                result.indicatorCode(), result.indicatorNameZh(), result.dimension(), result.value(), result.unit(),
                result.standard(), result.explanation(), describe(result), result.severity(),
                decision.rectificationClass(), decision.reason(), opening.suggestionZh(),
                area.namePath() == null || area.namePath().isEmpty() ? result.areaCode() : area.namePath(),
                opening.categoryZh(), null,
                opening.policy().deadline(result.indicatorCode(), decision.rectificationClass(), opening.today()),
                ProblemStatus.IDENTIFIED, false, false, null, result.resultId(), result.version(), null, now, null, null,
                now, 1));
    }

    /** 问题明细: the value against the standard, followed by the department's own words for an item-level finding. */
    static String describe(IndicatorEvaluated result) {
        String unit = result.unit() == null ? "" : result.unit();
        String summary = "%s：%s%s，未达到评价标准（%s%s）".formatted(result.indicatorNameZh(),
                result.value() == null ? "无数据" : result.value().stripTrailingZeros().toPlainString(), unit,
                result.standard(), unit);
        return result.detailZh() == null || result.detailZh().isBlank() ? summary : summary + "；" + result.detailZh();
    }

    /**
     * A result above the indicator's level (a compound's count of hazardous buildings) sums up problems that are opened
     * where they are, one per building; it opens none of its own.
     */
    static boolean aggregate(IndicatorEvaluated result) {
        return result.areaLevel() != null && result.evaluationLevel() != null
                && result.areaLevel().ordinal() < result.evaluationLevel().ordinal();
    }

    public ProblemIdentified identified() {
        return new ProblemIdentified(id, checkYear, areaCode, indicatorCode, indicatorNameZh, dimension, resultValue,
                unit, standard, description, rectificationClass, sourceResultId, identifiedAt);
    }

    public HistoryEntry identifiedEntry() {
        return new HistoryEntry(id, version, identifiedAt, EVALUATION, Action.IDENTIFY, status, status, classReason,
                payload("resultId", sourceResultId, "resultVersion", resultVersion, "value", resultValue,
                        "class", rectificationClass.name(), "deadline", deadline));
    }

    /** An official's or a unit's action, checked against the workflow table and the action's required fields. */
    public Change apply(WorkflowCommand command, String actor, Instant now) {
        Action action = command.action();
        if (action.kind() == Action.Kind.SYSTEM) {
            throw new TijianException(LedgerError.BAD_COMMAND, "action " + action + " is taken by the ledger itself");
        }
        ProblemStatus to = Workflow.next(status, action)
                .orElseThrow(() -> new TijianException(LedgerError.TRANSITION_NOT_ALLOWED, status, action));
        Draft next = draft();
        next.status = to;
        Map<String, Object> payload = new LinkedHashMap<>();
        switch (action) {
            case DISMISS, REOPEN -> {
                requireText(command.reason(), LedgerError.REASON_REQUIRED, action);
                if (action == Action.REOPEN) {
                    next.verifiedBy = null;
                    next.verifiedAt = null;
                    next.fixedAt = null;
                }
            }
            case ASSIGN -> {
                requireText(command.unit(), LedgerError.UNIT_REQUIRED, action);
                LocalDate due = command.deadline() != null ? command.deadline() : deadline;
                if (rectificationClass == RectificationClass.TIME_LIMITED && due == null) {
                    throw new TijianException(LedgerError.DEADLINE_REQUIRED);
                }
                if (command.deadline() != null && !command.deadline().equals(deadline)) {
                    next.overdue = false;
                }
                next.responsibleUnit = command.unit().strip();
                next.deadline = due;
                payload.put("unit", next.responsibleUnit);
                payload.put("deadline", due == null ? null : due.toString());
            }
            case START -> {
                if (responsibleUnit == null) {
                    throw new TijianException(LedgerError.UNIT_REQUIRED);
                }
            }
            case REPORT_PROGRESS, REPORT_FIXED -> {
                requireText(command.text(), LedgerError.TEXT_REQUIRED, action);
                payload.put("text", command.text());
                payload.put("evidence", command.evidence() == null ? List.of() : command.evidence());
                if (action == Action.REPORT_FIXED) {
                    next.fixedAt = now;
                }
            }
            case VERIFY -> {
                requireText(command.inspectionRecord(), LedgerError.INSPECTION_REQUIRED, action);
                payload.put("inspectionRecord", command.inspectionRecord());
                next.verifiedBy = "INSPECTION";
                next.verifiedAt = now;
            }
            default -> {
                // CONFIRM carries nothing but an optional reason
            }
        }
        return next.change(actor, action, command.reason(), payload, now);
    }

    /** A newer failing result: the problem takes its figures; a fix that was reported or verified did not hold. */
    public Optional<Change> onNewerFailure(IndicatorEvaluated result, Instant now) {
        if (result.version() <= resultVersion) {
            return Optional.empty();
        }
        Draft next = draft().takeResult(result);
        next.description = describe(result);
        next.passedWithoutReport = false;
        Action action = Action.RESULT_UPDATED;
        if (status == ProblemStatus.REPORTED_FIXED || status == ProblemStatus.VERIFIED) {
            next.status = ProblemStatus.REOPENED;
            next.verifiedBy = null;
            next.verifiedAt = null;
            next.fixedAt = null;
            action = Action.REOPEN;
        }
        return Optional.of(next.change(EVALUATION, action, action == Action.REOPEN ? "新的评价结果仍未达标" : null,
                payload("resultId", result.resultId(), "resultVersion", result.version(), "value", result.value()), now));
    }

    /**
     * A newer passing result: a problem reported fixed is verified by data; one nobody reported fixed is flagged
     * (once); verified and dismissed problems stay as they are.
     */
    public Optional<Change> onNewerPass(IndicatorEvaluated result, Instant now) {
        if (result.version() <= resultVersion) {
            return Optional.empty();
        }
        Draft next = draft().takeResult(result);
        Map<String, Object> payload = payload("resultId", result.resultId(), "resultVersion", result.version(),
                "value", result.value());
        if (status == ProblemStatus.REPORTED_FIXED) {
            next.status = ProblemStatus.VERIFIED;
            next.verifiedBy = "DATA";
            next.verifiedAt = now;
            return Optional.of(next.change(EVALUATION, Action.VERIFY, "新的评价结果达标", payload, now));
        }
        if (status.resolved()) {
            return Optional.of(next.change(EVALUATION, Action.RESULT_UPDATED, null, payload, now));
        }
        next.passedWithoutReport = true;
        return Optional.of(next.change(EVALUATION, Action.PASSED_WITHOUT_REPORT, "评价结果已达标，但未报告整改完成",
                payload, now));
    }

    /**
     * A project of the library that rectifies this problem was completed and accepted (竣工验收): the problem is reported
     * fixed by the project and waits, like any reported fix, for new data or an inspection to verify it. A problem
     * already reported fixed, verified or dismissed stays as it is.
     */
    public Optional<Change> onProjectCompleted(UUID projectId, String projectName, String acceptanceRecord,
            Instant now) {
        if (status.pastDeadlineCheck()) {
            return Optional.empty();
        }
        Draft next = draft();
        next.status = ProblemStatus.REPORTED_FIXED;
        next.fixedAt = now;
        return Optional.of(next.change(PROJECT + projectId, Action.PROJECT_COMPLETED, "项目竣工验收：" + projectName,
                payload("projectId", projectId, "project", projectName, "acceptanceRecord", acceptanceRecord), now));
    }

    /** Past its deadline and not yet fixed: marked once, by the deadline check. */
    public boolean dueForOverdue(LocalDate today) {
        return !overdue && deadline != null && deadline.isBefore(today) && !status.pastDeadlineCheck();
    }

    public Change markOverdue(Instant now) {
        Draft next = draft();
        next.overdue = true;
        return next.change(DEADLINE_CHECK, Action.OVERDUE, "超过整改期限",
                payload("deadline", deadline == null ? null : deadline.toString()), now);
    }

    public ProblemOverdue overdueEvent(Instant now) {
        return new ProblemOverdue(id, checkYear, areaCode, indicatorCode, indicatorNameZh, rectificationClass,
                responsibleUnit, deadline, status.name(), now);
    }

    /**
     * Complaints for the problem's area and topic reached the threshold after it was opened (群众反映强烈): a
     * BEST_EFFORT problem not yet fixed becomes TIME_LIMITED, with a deadline counted from {@code today} unless it has one.
     */
    public Optional<Change> raiseForComplaints(long complaints, ClassingPolicy policy, LocalDate today, Instant now) {
        if (rectificationClass != RectificationClass.BEST_EFFORT || status.pastDeadlineCheck()
                || policy.topicOf(indicatorCode) == null || complaints < policy.complaintThreshold()) {
            return Optional.empty();
        }
        Draft next = draft();
        next.rectificationClass = RectificationClass.TIME_LIMITED;
        next.classReason = "COMPLAINTS:" + complaints;
        next.deadline = deadline != null ? deadline : policy.deadline(indicatorCode, RectificationClass.TIME_LIMITED, today);
        return Optional.of(next.change(COMPLAINTS, Action.CLASS_RAISED,
                "群众反映强烈：投诉 " + complaints + " 件",
                payload("class", RectificationClass.TIME_LIMITED, "deadline", next.deadline), now));
    }

    private static void requireText(String value, LedgerError error, Action action) {
        if (value == null || value.isBlank()) {
            throw new TijianException(error, action);
        }
    }

    static Map<String, Object> payload(Object... keysAndValues) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                payload.put((String) keysAndValues[i], value instanceof Enum<?> e ? e.name() : value.toString());
            }
        }
        return payload;
    }

    Draft draft() {
        return new Draft(this);
    }

    /** A mutable copy for building the next state of this record. */
    static final class Draft {
        private final Problem from;
        BigDecimal resultValue;
        String explanation;
        String description;
        RectificationClass rectificationClass;
        String classReason;
        String responsibleUnit;
        LocalDate deadline;
        ProblemStatus status;
        boolean overdue;
        boolean passedWithoutReport;
        String verifiedBy;
        UUID sourceResultId;
        int resultVersion;
        Instant fixedAt;
        Instant verifiedAt;

        Draft(Problem p) {
            from = p;
            resultValue = p.resultValue;
            explanation = p.explanation;
            description = p.description;
            rectificationClass = p.rectificationClass;
            classReason = p.classReason;
            responsibleUnit = p.responsibleUnit;
            deadline = p.deadline;
            status = p.status;
            overdue = p.overdue;
            passedWithoutReport = p.passedWithoutReport;
            verifiedBy = p.verifiedBy;
            sourceResultId = p.sourceResultId;
            resultVersion = p.resultVersion;
            fixedAt = p.fixedAt;
            verifiedAt = p.verifiedAt;
        }

        /** The figures and lineage of a newer result of the same indicator and area. */
        Draft takeResult(IndicatorEvaluated result) {
            resultValue = result.value();
            explanation = result.explanation();
            sourceResultId = result.resultId();
            resultVersion = result.version();
            return this;
        }

        Problem build(Instant now) {
            Problem p = from;
            return new Problem(p.id, p.checkYear, p.areaCode, p.areaLevel, p.streetCode, p.communityCode,
                    p.compoundCode, p.buildingCode, p.indicatorCode, p.indicatorNameZh, p.dimension, resultValue, p.unit,
                    p.standard, explanation, description, p.severity, rectificationClass, classReason, p.suggestion,
                    p.rectificationArea, p.problemType, responsibleUnit, deadline, status, overdue, passedWithoutReport,
                    verifiedBy, sourceResultId, resultVersion, p.carriedFrom, p.identifiedAt, fixedAt, verifiedAt, now,
                    p.version + 1);
        }

        Change change(String actor, Action action, String reason, Map<String, Object> payload, Instant now) {
            Problem after = build(now);
            return new Change(after, new HistoryEntry(after.id, after.version, now, actor, action, from.status,
                    after.status, reason, payload));
        }
    }

    /** This unresolved problem as it enters the next check year's ledger, linked to its origin. */
    public Problem carriedInto(int year, UUID newId, Instant now) {
        return new Problem(newId, year, areaCode, areaLevel, streetCode, communityCode, compoundCode, buildingCode,
                indicatorCode, indicatorNameZh, dimension, resultValue, unit, standard, explanation, description,
                severity, rectificationClass, classReason, suggestion, rectificationArea, problemType, responsibleUnit,
                deadline, status, overdue, passedWithoutReport, null, sourceResultId, 0, id, now, fixedAt, null, now, 1);
    }

    public HistoryEntry carriedEntry(Instant now) {
        return new HistoryEntry(id, version, now, CARRY_OVER, Action.CARRIED_OVER, status, status, "结转自上一年度",
                payload("origin", carriedFrom));
    }
}
