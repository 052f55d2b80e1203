package org.tijian.evaluation.indicator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.kit.tabular.CsvTabularReader;
import org.tijian.kit.tabular.TabularRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped national catalog as tests read it: the built-in JSON, and the CSV it was derived
 * from ({@code ../shared/domain/indicators-national-basic.csv}, copied into test resources), with the
 * CSV's compact standard notation spelled out.
 */
public final class ShippedCatalog {

    public static List<IndicatorDefined> builtIn() {
        try {
            return IndicatorCatalogConfiguration.read(JsonMapper.builder().build()).indicators();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV's rows by indicator code, each a map from column name to cell. */
    public static Map<String, Map<String, String>> csv() {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (CsvTabularReader reader = CsvTabularReader.open(
                Path.of(ShippedCatalog.class.getResource("/catalog/indicators-national-basic.csv").toURI()))) {
            TabularRecord record;
            while ((record = reader.next()) != null) {
                Map<String, String> row = ((TabularRecord.Fields) record).values();
                rows.put(row.get("code"), row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /**
     * The standards a CSV cell describes, as {@code cityClass|sizeClass|operator|threshold} strings:
     * {@code =0}, {@code >=70}, {@code none}, {@code class:capital>=30;prefecture>=15} or
     * {@code size:super>30;mega>20;large>10} ("greater than" is read as "at least", and other sizes
     * are not graded).
     */
    public static Set<String> standards(String cell) {
        Set<String> expected = new TreeSet<>();
        if (cell.equals("none")) {
            expected.add(key(null, null, "NOT_GRADED", null));
        } else if (cell.startsWith("class:")) {
            for (String part : cell.substring(6).split(";")) {
                String cityClass = part.startsWith("capital") ? "PROVINCIAL_CAPITAL" : "PREFECTURE_CITY";
                expected.add(key(cityClass, null, "AT_LEAST", part.substring(part.indexOf(">=") + 2)));
            }
        } else if (cell.startsWith("size:")) {
            for (String part : cell.substring(5).split(";")) {
                String size = switch (part.substring(0, part.indexOf('>'))) {
                    case "super" -> "SUPER_LARGE";
                    case "mega" -> "MEGA";
                    case "large" -> "LARGE";
                    default -> throw new IllegalArgumentException(part);
                };
                expected.add(key(null, size, "AT_LEAST", part.substring(part.indexOf('>') + 1)));
            }
            expected.add(key(null, null, "NOT_GRADED", null));
        } else if (cell.startsWith(">=")) {
            expected.add(key(null, null, "AT_LEAST", cell.substring(2)));
        } else if (cell.startsWith("=")) {
            expected.add(key(null, null, "EQUALS", cell.substring(1)));
        } else {
            throw new IllegalArgumentException("unknown standard notation " + cell);
        }
        return expected;
    }

    public static Set<String> standardsOfYear(IndicatorDefined indicator, int year) {
        Set<String> keys = new TreeSet<>();
        for (IndicatorDefined.Standard s : indicator.standards()) {
            if (s.checkYear() == year) {
                keys.add(key(s.cityClass(), s.sizeClass(), s.operator().name(),
                        s.threshold() == null ? null : s.threshold().toPlainString()));
            }
        }
        return keys;
    }

    private static String key(String cityClass, String sizeClass, String operator, String threshold) {
        return cityClass + "|" + sizeClass + "|" + operator + "|"
                + (threshold == null ? null : new BigDecimal(threshold).stripTrailingZeros().toPlainString());
    }

    private ShippedCatalog() {
    }
}
