package org.tijian.evaluation.result;

import java.util.List;
import java.util.Map;
import org.tijian.evaluation.result.ResultInputs.ReportedFinding;

/**
 * The results an intake poll touched, to compute in the poll's transaction.
 *
 * @param traces each touched result with its cause's {@code traceparent} (null values allowed), in the poll's order
 * @param pollFindings the current findings (one per finding type) the poll itself reported, by result, for the
 *     results without a finding withdrawal in the poll: where such a result has no current version and the inbox
 *     has not recorded the key for reading back, these are all its findings, and its first version is computed from
 *     them and inserted without reading anything (the insert skips a key found stored after all)
 */
public record TouchedResults(Map<ResultKey, String> traces, Map<ResultKey, List<ReportedFinding>> pollFindings) {
}
