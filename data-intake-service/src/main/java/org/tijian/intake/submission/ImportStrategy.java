package org.tijian.intake.submission;

/**
 * What a batch does with rows whose key (check year, area, data element or indicator or topic) was
 * reported before. Corrections and withdrawals keep the earlier versions in history.
 */
public enum ImportStrategy {
    /** Only new keys; a key reported before is rejected (INTAKE_E1113). */
    CREATE,
    /** Only corrections; a key not reported before is rejected (INTAKE_E1114). */
    UPDATE,
    /** New keys and corrections alike (the default). */
    CREATE_AND_UPDATE,
    /** Withdraws what was reported under each key; values in the rows are ignored. */
    DELETE
}
