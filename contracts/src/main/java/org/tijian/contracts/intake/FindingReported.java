package org.tijian.contracts.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tijian.contracts.MayBeNull;

/**
 * An item-level finding (逐项问题) was accepted: one building or compound fails an item-count
 * indicator, e.g. a residential building with a gas-safety hazard. Keyed by {@code areaCode}. Which
 * areas the department surveyed (and found fine where no finding was reported) comes with the
 * batch's {@link SubmissionAccepted}.
 *
 * @param severity 一般 / 较重 / 严重 as {@code MINOR}, {@code MAJOR}, {@code SEVERE}
 * @param appraisalReference the expert appraisal (鉴定报告) it rests on, if any
 * @param attachments references to photos or documents, as the department stores them
 */
public record FindingReported(
        UUID findingId,
        int checkYear,
        String indicatorCode,
        String areaCode,
        String findingType,
        String severity,
        @MayBeNull String descriptionZh,
        @MayBeNull String appraisalReference,
        List<String> attachments,
        String department,
        String submittedBy,
        @MayBeNull String sourceMethod,
        UUID batchId,
        int rowNo,
        int revision,
        @MayBeNull UUID supersedes,
        Instant reportedAt) {
}
