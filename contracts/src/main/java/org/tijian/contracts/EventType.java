package org.tijian.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.contracts.intake.ObservationWithdrawn;
import org.tijian.contracts.intake.PublicFeedbackReported;
import org.tijian.contracts.intake.SubmissionAccepted;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.contracts.ledger.ProblemOverdue;
import org.tijian.contracts.ledger.ProblemStatusChanged;
import org.tijian.contracts.projects.ProjectCompleted;
import org.tijian.contracts.projects.ProjectProposed;

/** Every event the platform publishes: its record, its topic and its CloudEvents {@code type}. */
public enum EventType {
    OBSERVATION_ACCEPTED(ObservationAccepted.class, Topics.INTAKE_OBSERVATIONS),
    OBSERVATION_WITHDRAWN(ObservationWithdrawn.class, Topics.INTAKE_OBSERVATIONS),
    FINDING_REPORTED(FindingReported.class, Topics.INTAKE_OBSERVATIONS),
    PUBLIC_FEEDBACK_REPORTED(PublicFeedbackReported.class, Topics.INTAKE_OBSERVATIONS),
    SUBMISSION_ACCEPTED(SubmissionAccepted.class, Topics.INTAKE_SUBMISSIONS),
    INDICATOR_EVALUATED(IndicatorEvaluated.class, Topics.EVALUATION_RESULTS),
    PROBLEM_IDENTIFIED(ProblemIdentified.class, Topics.LEDGER_PROBLEMS),
    PROBLEM_STATUS_CHANGED(ProblemStatusChanged.class, Topics.LEDGER_PROBLEMS),
    PROBLEM_OVERDUE(ProblemOverdue.class, Topics.LEDGER_PROBLEMS),
    PROJECT_PROPOSED(ProjectProposed.class, Topics.PROJECTS_LIFECYCLE),
    PROJECT_COMPLETED(ProjectCompleted.class, Topics.PROJECTS_LIFECYCLE),
    AREA_DEFINED(AreaDefined.class, Topics.CATALOG_AREAS),
    INDICATOR_DEFINED(IndicatorDefined.class, Topics.CATALOG_INDICATORS);

    /** Looked up for every record a consumer reads: a map, not a scan that built each type's name again. */
    private static final Map<String, EventType> BY_CLOUD_EVENT_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::cloudEventType, Function.identity()));

    private final Class<? extends Record> recordType;
    private final String topic;
    private final String cloudEventType;

    EventType(Class<? extends Record> recordType, String topic) {
        this.recordType = recordType;
        this.topic = topic;
        String module = recordType.getPackageName().substring("org.tijian.contracts.".length());
        this.cloudEventType = "org.tijian." + module + "." + recordType.getSimpleName() + "."
                + topic.substring(topic.lastIndexOf('.') + 1);
    }

    public Class<? extends Record> recordType() {
        return recordType;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code ce_type}, e.g. {@code org.tijian.intake.ObservationAccepted.v1}. */
    public String cloudEventType() {
        return cloudEventType;
    }

    public String schemaResource() {
        return "/schemas/" + recordType.getSimpleName() + ".schema.json";
    }

    public static EventType of(Class<?> recordType) {
        return Arrays.stream(values())
                .filter(t -> t.recordType.equals(recordType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a Tijian event: " + recordType.getName()));
    }

    public static EventType ofCloudEventType(String ceType) {
        EventType type = ceType == null ? null : BY_CLOUD_EVENT_TYPE.get(ceType);
        if (type == null) {
            throw new IllegalArgumentException("unknown event type: " + ceType);
        }
        return type;
    }
}
