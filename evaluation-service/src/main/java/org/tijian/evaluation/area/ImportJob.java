package org.tijian.evaluation.area;

import org.tijian.kit.imports.ImportSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An area import, run in the background. {@code REJECTED} means the file had errors and nothing
 * was changed (imports are all or nothing); {@code FAILED} means the import could not run.
 */
public record ImportJob(
        UUID id,
        String format,
        Status status,
        String submittedBy,
        long rowsRead,
        long created,
        long updated,
        long unchanged,
        long rejected,
        List<ImportSummary.Group> errors,
        String message,
        Instant startedAt,
        Instant finishedAt) {

    public enum Status {
        RUNNING, SUCCEEDED, REJECTED, FAILED
    }
}
