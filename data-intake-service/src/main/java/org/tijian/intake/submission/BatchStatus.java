package org.tijian.intake.submission;

/** Where a submission (批次) stands. A dry run ends in the status the real run would have. */
public enum BatchStatus {
    RUNNING,
    /** Every row accepted. */
    SUCCEEDED,
    /** Partial acceptance: the valid rows were accepted, the rejected ones are listed in the summary. */
    PARTIALLY_ACCEPTED,
    /** Nothing was changed: the batch was atomic and had rejected rows, or the batch itself was refused. */
    REJECTED,
    /** The import could not run (e.g. the service stopped); nothing was changed, submit again. */
    FAILED;

    public boolean finished() {
        return this != RUNNING;
    }
}
