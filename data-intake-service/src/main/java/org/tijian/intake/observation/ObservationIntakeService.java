package org.tijian.intake.observation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.intake.submission.Batch;
import org.tijian.intake.submission.BatchStatus;
import org.tijian.intake.submission.ImportStrategy;
import org.tijian.intake.submission.SubmissionError;
import org.tijian.intake.submission.SubmissionOptions;
import org.tijian.intake.submission.SubmissionService;
import org.tijian.intake.submission.UploadFolder;
import org.tijian.kit.error.ErrorCode;
import org.tijian.kit.error.RowErrorsException;
import org.tijian.kit.imports.ImportSummary;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * A single value posted on its own is a batch of one row (create or correct), checked and accepted
 * exactly like a file: the same rules, the same error codes, the same lineage and events.
 */
@Service
public class ObservationIntakeService {

    private final SubmissionService submissions;
    private final ObservationStore observations;
    private final JsonMapper json;

    public ObservationIntakeService(SubmissionService submissions, ObservationStore observations, JsonMapper json) {
        this.submissions = submissions;
        this.observations = observations;
        this.json = json;
    }

    /** What a department sends for one value. */
    public record Submission(int checkYear, String areaCode, String dataElement, BigDecimal value, String unit,
            String note) {
    }

    /**
     * @param idempotencyKey optional; a retried post with the same key returns the first result
     * @return the observation that counts now and whether this post created it
     */
    public Mono<Accepted> accept(Submission submission, TijianUser submitter, String idempotencyKey, TraceParent trace) {
        return Mono.fromCallable(() -> oneRowFile(submission))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(file -> submissions.submit(SubmissionService.Upload.saved(file, "observation.json",
                                SubmissionService.Format.JSON),
                        new SubmissionOptions(ObservationKind.VALUE, submission.checkYear(), ImportStrategy.CREATE_AND_UPDATE,
                                true, false, List.of(), List.of(), null),
                        submitter, idempotencyKey, trace))
                .flatMap(submitted -> Mono.fromFuture(submitted.completion(), true)
                        .map(batch -> new Outcome(batch, submitted.replayed())))
                .flatMap(outcome -> {
                    Batch batch = outcome.batch();
                    if (batch.status() != BatchStatus.SUCCEEDED) {
                        return Mono.error(rejection(batch));
                    }
                    boolean created = !outcome.replayed() && batch.created() + batch.updated() == 1;
                    return observations.current(submission.checkYear(), ObservationKind.VALUE.name(),
                                    submission.areaCode(), submission.dataElement(), "")
                            .map(current -> new Accepted(current, created));
                });
    }

    private Path oneRowFile(Submission submission) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataElement", submission.dataElement());
        row.put("areaCode", submission.areaCode());
        row.put("value", submission.value().toPlainString());
        row.put("unit", submission.unit());
        row.put("note", submission.note());
        try {
            Path file = UploadFolder.newFile("observation-", ".json");
            Files.write(file, json.writeValueAsBytes(List.of(row)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The batch's problems as one problem+json answer: the first code, with every problem listed. */
    private static RuntimeException rejection(Batch batch) {
        List<RowErrorsException.RowError> errors = new ArrayList<>();
        ErrorCode first = null;
        for (ImportSummary.Group group : batch.errors()) {
            ErrorCode error = SubmissionError.byCode(group.code());
            first = first == null ? error : first;
            for (ImportSummary.Row row : group.rows()) {
                errors.add(new RowErrorsException.RowError(row.row(), group.code(), null,
                        group.meaningZh().replace("{0}", String.valueOf(row.value()))));
            }
        }
        if (first == null) {
            return new IllegalStateException("batch " + batch.id() + " ended " + batch.status() + ": " + batch.message());
        }
        String value = batch.errors().get(0).rows().isEmpty() ? "" : batch.errors().get(0).rows().get(0).value();
        return new RowErrorsException(first, errors, value);
    }

    private record Outcome(Batch batch, boolean replayed) {
    }

    public record Accepted(Observation observation, boolean created) {
    }
}
