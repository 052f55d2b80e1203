package org.tijian.contracts.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tijian.contracts.MayBeNull;

/**
 * A submission (批次) finished and its accepted rows were published. Keyed by {@code batchId} on
 * {@code intake.submissions.v1}. For item-level findings, {@code coverage} lists the areas the
 * department surveyed, each standing for its whole subtree: inside it a building without a finding
 * was checked and found fine; outside it nothing is known.
 *
 * @param indicatorCodes for FINDING batches the indicators the survey covered; empty otherwise
 * @param late accepted after the check year's submission window closed, under an administrator's override
 */
public record SubmissionAccepted(
        UUID batchId,
        ObservationKind kind,
        int checkYear,
        String department,
        String submittedBy,
        String strategy,
        List<String> coverage,
        List<String> indicatorCodes,
        long created,
        long updated,
        long withdrawn,
        long unchanged,
        long rejected,
        boolean late,
        @MayBeNull String overrideBy,
        Instant acceptedAt) {
}
