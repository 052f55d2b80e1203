package org.tijian.contracts;

import java.util.List;

/** Kafka topic names. A breaking change to an event is a new topic version, never an edit. */
public final class Topics {

    /** What departments reported, keyed by area code: values, findings, public feedback and their withdrawals. */
    public static final String INTAKE_OBSERVATIONS = "intake.observations.v1";
    /** Finished submissions (批次) with their survey coverage, keyed by batch id. */
    public static final String INTAKE_SUBMISSIONS = "intake.submissions.v1";
    public static final String EVALUATION_RESULTS = "evaluation.results.v1";
    public static final String LEDGER_PROBLEMS = "ledger.problems.v1";
    /** The project library's projects: proposed drafts and completed projects (ProjectCompleted), keyed by project id. */
    public static final String PROJECTS_LIFECYCLE = "projects.lifecycle.v1";
    /** Compacted: the latest definition of every area, keyed by area code. */
    public static final String CATALOG_AREAS = "catalog.areas.v1";
    /** Compacted: the latest definition of every indicator with its yearly standards, keyed by indicator code. */
    public static final String CATALOG_INDICATORS = "catalog.indicators.v1";

    public static final List<String> ALL =
            List.of(INTAKE_OBSERVATIONS, INTAKE_SUBMISSIONS, EVALUATION_RESULTS, LEDGER_PROBLEMS, PROJECTS_LIFECYCLE, CATALOG_AREAS,
                    CATALOG_INDICATORS);

    /** Topics that keep only the latest record per key, so a new consumer can rebuild its copy. */
    public static final List<String> COMPACTED = List.of(CATALOG_AREAS, CATALOG_INDICATORS);

    /** Dead-letter topic of one consumer group on one topic (the Kafka binder's naming). */
    public static String deadLetter(String topic, String consumerGroup) {
        return "error." + topic + "." + consumerGroup;
    }

    private Topics() {
    }
}
