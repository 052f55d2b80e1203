package org.tijian.intake.submission;

import java.util.List;
import org.tijian.contracts.intake.ObservationKind;

/**
 * How one upload is to be imported.
 *
 * @param coverage FINDING batches: the areas surveyed, each standing for its subtree
 * @param indicators FINDING batches: the indicators surveyed (default: those in the rows)
 * @param sourceMethod how the data was obtained, an AcquisitionMethod name
 */
public record SubmissionOptions(
        ObservationKind kind,
        int checkYear,
        ImportStrategy strategy,
        boolean atomic,
        boolean dryRun,
        List<String> coverage,
        List<String> indicators,
        String sourceMethod) {
}
