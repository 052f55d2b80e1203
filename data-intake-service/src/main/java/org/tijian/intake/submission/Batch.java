package org.tijian.intake.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.kit.imports.ImportSummary;

/**
 * A submission (批次) and its import summary. While it runs, {@code phase} and {@code rowsRead} show
 * progress; when it has finished, the counts say what was (or, in a dry run, would be) done.
 *
 * @param rejected rows not accepted; {@code errors} groups them by error code with row numbers
 * @param late accepted after the submission window closed, under {@code overrideBy}'s override
 */
public record Batch(
        UUID id,
        ObservationKind kind,
        int checkYear,
        String department,
        String submittedBy,
        String format,
        String fileName,
        ImportStrategy strategy,
        boolean atomic,
        boolean dryRun,
        String idempotencyKey,
        List<String> coverage,
        String sourceMethod,
        BatchStatus status,
        Phase phase,
        long rowsRead,
        long created,
        long updated,
        long withdrawn,
        long unchanged,
        long rejected,
        List<ImportSummary.Group> errors,
        String message,
        boolean late,
        String overrideBy,
        Instant startedAt,
        Instant finishedAt) {

    public enum Phase {
        QUEUED, READING, VALIDATING, MERGING, DONE
    }

    public long accepted() {
        return created + updated + withdrawn + unchanged;
    }
}
