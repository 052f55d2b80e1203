package org.tijian.evaluation.input;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.contracts.intake.ObservationWithdrawn;
import org.tijian.contracts.intake.SubmissionAccepted;

/**
 * What one poll of intake's topics brought, by kind, with each event's trace. Public feedback is not evaluated (the
 * ledger reads it).
 */
record IntakePoll(
        List<ObservationAccepted> values,
        List<FindingReported> findings,
        List<ObservationWithdrawn> withdrawals,
        List<SubmissionAccepted> submissions,
        Map<Object, String> traces) {

    static IntakePoll empty() {
        return new IntakePoll(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new IdentityHashMap<>());
    }

    /** The {@code traceparent} the event arrived with, if any. */
    String traceOf(Object event) {
        return traces.get(event);
    }

    int size() {
        return values.size() + findings.size() + withdrawals.size() + submissions.size();
    }
}
