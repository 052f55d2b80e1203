package org.tijian.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.kit.imports.RowProblem;
import org.tijian.kit.tabular.TabularRecord;
import tools.jackson.databind.json.JsonMapper;

class SubmissionRowsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private Object read(ObservationKind kind, ImportStrategy strategy, Map<String, String> fields) {
        return new SubmissionRows(kind, strategy).read(new TabularRecord.Fields(7, fields));
    }

    private Object value(Map<String, String> fields) {
        return read(ObservationKind.VALUE, ImportStrategy.CREATE_AND_UPDATE, fields);
    }

    @Test
    void aValueRowIsReadByEnglishOrChineseColumnNames() {
        StagedRow english = (StagedRow) value(Map.of("dataelement", "U01_COLLECTED", "areacode", "3601",
                "value", " 6,400.5 ", "unit", "吨/年"));
        StagedRow chinese = (StagedRow) value(Map.of("数据项", "U01_COLLECTED", "区域代码", "3601", "数值", "6400.5",
                "单位", "吨/年"));
        assertThat(english).isEqualTo(chinese);
        assertThat(english.value()).isEqualByComparingTo(new BigDecimal("6400.5"));
        assertThat(english.rowNo()).isEqualTo(7);
    }

    @Test
    void rowLevelProblemsNameTheirCodeRowAndValue() {
        assertThat(value(Map.of("dataElement", "U01", "areaCode", "3601")))
                .isEqualTo(new RowProblem(7, SubmissionError.MISSING_FIELD, "value"));
        assertThat(value(Map.of("dataElement", "U01", "areaCode", "3601", "value", "六十")))
                .isEqualTo(new RowProblem(7, SubmissionError.MALFORMED_VALUE, "六十"));
        assertThat(value(Map.of("dataElement", "U01", "areaCode", "3601-01", "value", "1")))
                .isEqualTo(new RowProblem(7, SubmissionError.MALFORMED_AREA_CODE, "3601-01"));
        assertThat(value(Map.of("dataElement", "污水", "areaCode", "3601", "value", "1")))
                .isEqualTo(new RowProblem(7, SubmissionError.MALFORMED_CODE, "污水"));
        assertThat(new SubmissionRows(ObservationKind.VALUE, ImportStrategy.CREATE)
                .read(new TabularRecord.Unreadable(9, "3 cells, 5 expected")))
                .isEqualTo(new RowProblem(9, SubmissionError.MALFORMED_ROW, "3 cells, 5 expected"));
    }

    @Test
    void aWithdrawalNeedsOnlyTheKey() {
        StagedRow row = (StagedRow) read(ObservationKind.VALUE, ImportStrategy.DELETE,
                Map.of("dataElement", "U01_COLLECTED", "areaCode", "3601"));
        assertThat(row.value()).isNull();
    }

    @Test
    void aFindingKeepsItsDetailsAndChineseSeverities() {
        StagedRow row = (StagedRow) read(ObservationKind.FINDING, ImportStrategy.CREATE, Map.of("indicator", "H01",
                "areaCode", "360102002001001001", "severity", "严重", "attachments", "a.jpg; b.pdf |c.png"));
        assertThat(json.readTree(row.detail()).get("severity").asString()).isEqualTo("SEVERE");
        assertThat(json.readTree(row.detail()).get("attachments").toString()).isEqualTo("[\"a.jpg\",\"b.pdf\",\"c.png\"]");
        assertThat(read(ObservationKind.FINDING, ImportStrategy.CREATE, Map.of("indicator", "H01",
                "areaCode", "360102002001001001", "severity", "catastrophic")))
                .isEqualTo(new RowProblem(7, SubmissionError.MALFORMED_VALUE, "catastrophic"));
    }

    @Test
    void hotlineCountsDefaultToThe12345Channel() {
        StagedRow row = (StagedRow) read(ObservationKind.HOTLINE, ImportStrategy.CREATE,
                Map.of("areaCode", "360102002", "topic", "NOISE", "value", "4"));
        assertThat(row.qualifier()).isEqualTo("12345");
        assertThat(row.unit()).isEqualTo("件");
    }

    @Test
    void codesAreCheckedCharacterByCharacter() {
        assertThat(SubmissionRows.isAreaCode("36")).isTrue();
        assertThat(SubmissionRows.isAreaCode("360102002001")).isTrue();
        assertThat(SubmissionRows.isAreaCode("3")).isFalse();
        assertThat(SubmissionRows.isAreaCode("3601x2")).isFalse();
        assertThat(SubmissionRows.isAreaCode("1".repeat(25))).isFalse();
        assertThat(SubmissionRows.isCode("U01_COLLECTED")).isTrue();
        assertThat(SubmissionRows.isCode("a.b-c_1")).isTrue();
        assertThat(SubmissionRows.isCode("1ABC")).isFalse();
        assertThat(SubmissionRows.isCode("AB C")).isFalse();
        assertThat(SubmissionRows.isCode("数据")).isFalse();
        assertThat(SubmissionRows.isCode("A".repeat(65))).isFalse();
    }
}
