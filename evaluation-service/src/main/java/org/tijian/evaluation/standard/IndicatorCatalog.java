package org.tijian.evaluation.standard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.evaluation.CsvLine;

/**
 * The indicator system and its standards, read from the national basic indicators
 * ({@code catalog/indicators-national-basic.csv}). Standards that depend on the city's class or size
 * ({@code class:...}, {@code size:...}) are not graded yet: that needs the area tree's city classes.
 */
public final class IndicatorCatalog {

    private final Map<String, EvaluationStandard> byCode;

    private IndicatorCatalog(Map<String, EvaluationStandard> byCode) {
        this.byCode = byCode;
    }

    public static IndicatorCatalog fromCsv(Reader csv) {
        Map<String, EvaluationStandard> standards = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(csv)) {
            List<String> header = CsvLine.cells(lines.readLine());
            String line;
            int row = 1;
            while ((line = lines.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = CsvLine.cells(line);
                if (cells.size() != header.size()) {
                    throw new IllegalArgumentException("indicator catalog row " + row + " has " + cells.size()
                            + " cells, the header has " + header.size());
                }
                Map<String, String> field = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    field.put(header.get(i), cells.get(i));
                }
                EvaluationStandard standard = toStandard(field);
                standards.put(standard.indicatorCode(), standard);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IndicatorCatalog(standards);
    }

    public Optional<EvaluationStandard> find(String indicatorCode) {
        return Optional.ofNullable(byCode.get(indicatorCode));
    }

    public Collection<EvaluationStandard> all() {
        return byCode.values();
    }

    private static EvaluationStandard toStandard(Map<String, String> field) {
        String standard = field.get("standard").trim();
        Operator operator;
        BigDecimal threshold = null;
        if (standard.startsWith(">=")) {
            operator = Operator.AT_LEAST;
            threshold = new BigDecimal(standard.substring(2));
        } else if (standard.startsWith("<=")) {
            operator = Operator.AT_MOST;
            threshold = new BigDecimal(standard.substring(2));
        } else if (standard.startsWith("=")) {
            operator = Operator.EQUALS;
            threshold = new BigDecimal(standard.substring(1));
        } else {
            operator = Operator.NOT_GRADED;
        }
        return new EvaluationStandard(
                field.get("code"),
                field.get("name_zh"),
                field.get("name_en"),
                Dimension.valueOf(field.get("dimension")),
                field.get("category_zh"),
                field.get("unit"),
                Direction.valueOf(field.get("direction")),
                operator,
                threshold,
                field.get("standard_note"),
                RectificationClass.valueOf(field.get("default_rectification_class")));
    }
}
