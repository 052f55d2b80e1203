package org.tijian.ledger.feedback;

import org.tijian.contracts.intake.PublicFeedbackReported;
import reactor.core.publisher.Mono;

/** Hotline complaint counts (群众反映) per check year, area and topic, from intake's public feedback. */
public interface ComplaintStore {

    /** Keeps a HOTLINE figure; a revision replaces the figure it supersedes. Other kinds are not complaints. */
    Mono<Void> record(PublicFeedbackReported feedback);

    /**
     * Complaints of a year and topic that bear on an area: reported for the area, an area above it or an area below
     * it (a community's hotline count bears on its compounds' problems, a compound's on its street's).
     */
    Mono<Long> count(int checkYear, String areaCode, String topic);
}
