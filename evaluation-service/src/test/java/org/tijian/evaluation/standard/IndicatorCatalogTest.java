package org.tijian.evaluation.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;

class IndicatorCatalogTest {

    private static IndicatorCatalog shipped() {
        return IndicatorCatalog.fromCsv(new InputStreamReader(
                IndicatorCatalogTest.class.getResourceAsStream("/catalog/indicators-national-basic.csv"),
                StandardCharsets.UTF_8));
    }

    @Test
    void shipsTheSixtyOneNationalBasicIndicatorsByDimension() {
        IndicatorCatalog catalog = shipped();

        Map<Dimension, Long> perDimension = catalog.all().stream()
                .collect(Collectors.groupingBy(EvaluationStandard::dimension, Collectors.counting()));
        assertThat(catalog.all()).hasSize(61);
        assertThat(perDimension).containsEntry(Dimension.HOUSING, 10L).containsEntry(Dimension.COMMUNITY, 12L)
                .containsEntry(Dimension.BLOCK, 8L).containsEntry(Dimension.CITY, 31L);
    }

    @Test
    void readsStandardsAsWrittenInTheCsv() {
        Map<String, EvaluationStandard> byCode = shipped().all().stream()
                .collect(Collectors.toMap(EvaluationStandard::indicatorCode, Function.identity()));

        assertThat(byCode.get("U01").describe()).isEqualTo(">= 70");
        assertThat(byCode.get("U01").nameZh()).isEqualTo("城市生活污水集中收集率");
        assertThat(byCode.get("H01").describe()).isEqualTo("= 0");
        assertThat(byCode.get("H01").defaultRectificationClass()).isEqualTo(RectificationClass.TIME_LIMITED);
        assertThat(byCode.get("U04").threshold()).isEqualByComparingTo("3.2");
        assertThat(byCode.get("U10").operator()).isEqualTo(Operator.NOT_GRADED);
        assertThat(byCode.get("H03").standardNote()).startsWith("stairs, handrails");
    }

    @Test
    void judgesAgainstTheThresholdAndExplainsWithNumbers() {
        EvaluationStandard sewage = shipped().find("U01").orElseThrow();
        EvaluationStandard gasHazards = shipped().find("H02").orElseThrow();
        EvaluationStandard vacancy = shipped().find("U10").orElseThrow();

        Judgment failing = sewage.judge(new BigDecimal("64"));
        assertThat(failing.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failing.gap()).isEqualByComparingTo("6");
        assertThat(failing.explanation()).isEqualTo("64 < 70");
        assertThat(sewage.judge(new BigDecimal("70.0")).verdict()).isEqualTo(Verdict.PASS);
        assertThat(gasHazards.judge(new BigDecimal("36")).gap()).isEqualByComparingTo("36");
        assertThat(gasHazards.judge(BigDecimal.ZERO).verdict()).isEqualTo(Verdict.PASS);
        assertThat(vacancy.judge(new BigDecimal("12")).verdict()).isEqualTo(Verdict.NOT_GRADED);
        assertThat(sewage.judge(null).verdict()).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void parsesQuotedCellsWithCommas() {
        assertThat(org.tijian.evaluation.CsvLine.cells("H03,\"a, b\",c,\"say \"\"hi\"\"\""))
                .containsExactly("H03", "a, b", "c", "say \"hi\"");
    }
}
