package org.tijian.intake.submission;

import java.math.BigDecimal;
import org.tijian.kit.bulk.CopyText;

/**
 * A row that parsed, on its way into the batch's staging table. Its key is (area, subject, qualifier):
 * subject is the data element (VALUE), indicator (FINDING) or topic (SURVEY, HOTLINE); qualifier is the
 * hotline channel for HOTLINE and empty otherwise.
 *
 * @param detail kind-specific fields as a JSON object (finding type, severity, references; respondents)
 */
record StagedRow(int rowNo, String areaCode, String subject, String qualifier, BigDecimal value, String unit,
        String note, String detail) {

    static final String COPY_COLUMNS = "row_no, area_code, subject, qualifier, value, unit, note, detail";

    void appendTo(CopyText out) {
        out.field(rowNo).field(areaCode).field(subject).field(qualifier).field(value).field(unit).field(note)
                .field(detail).endRow();
    }
}
