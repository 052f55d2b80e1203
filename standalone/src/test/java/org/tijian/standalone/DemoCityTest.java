package org.tijian.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tijian.kit.security.dev.DemoUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoCityTest {

    /** The catalog the evaluation service seeds and intake validates against. */
    private static final Path CATALOG = Path.of("..", "evaluation-service", "src", "main", "resources", "catalog",
            "national-basic-indicators.json");

    private static Map<String, JsonNode> indicators() {
        assertTrue(Files.exists(CATALOG), "run from the standalone module: " + CATALOG.toAbsolutePath());
        Map<String, JsonNode> indicators = new HashMap<>();
        for (JsonNode indicator : JsonMapper.builder().build().readTree(CATALOG.toFile()).get("indicators")) {
            indicators.put(indicator.get("code").asString(), indicator);
        }
        return indicators;
    }

    private static Map<String, DemoAreas.Area> areas() {
        return DemoAreas.all().stream().collect(Collectors.toMap(DemoAreas.Area::code, a -> a));
    }

    @Test
    void theAreasAreJiangxisRealDivisionsWithCityClassesAndPopulations() {
        List<DemoAreas.Area> all = DemoAreas.all();
        Map<String, DemoAreas.Area> byCode = areas();

        assertEquals(all.size(), byCode.size(), "codes are unique");
        assertEquals(1 + 11 + 100 + 1767, all.size() - DemoAreas.generated().size());
        assertEquals("南昌市", byCode.get("3601").name());
        assertEquals("PROVINCIAL_CAPITAL", byCode.get("3601").cityClass());
        List<DemoAreas.Area> cities = all.stream().filter(a -> a.level().equals("CITY")).toList();
        assertEquals(10, cities.stream().filter(a -> "PREFECTURE_CITY".equals(a.cityClass())).count());
        cities.forEach(city -> assertNotNull(city.population(), city.code()));
        assertEquals("滕王阁街道", byCode.get(DemoAreas.STREET).name());
    }

    @Test
    void parentsComeFirstAndGeneratedCodesExtendTheirParentsByThreeDigits() {
        Set<String> seen = new HashSet<>();
        for (DemoAreas.Area area : DemoAreas.all()) {
            assertTrue(area.parentCode().isEmpty() || seen.contains(area.parentCode()), area.toString());
            seen.add(area.code());
        }
        for (DemoAreas.Area area : DemoAreas.generated()) {
            assertTrue(area.code().startsWith(area.parentCode()) && area.code().length() == area.parentCode().length() + 3,
                    area.toString());
        }
        Set<String> levels = DemoAreas.generated().stream().map(DemoAreas.Area::level).collect(Collectors.toSet());
        assertEquals(Set.of("COMMUNITY", "COMPOUND", "BUILDING"), levels);
    }

    @Test
    void theImportFileHasTheColumnsTheEvaluationServiceReads() {
        List<String> lines = DemoAreas.csv().lines().toList();

        assertEquals("code,name,level,parent_code,city_class,population", lines.get(0));
        assertEquals("3601,南昌市,CITY,36,PROVINCIAL_CAPITAL,6568200", lines.get(2));
        lines.forEach(line -> assertEquals(6, line.split(",", -1).length, line));
    }

    @Test
    void everyAreaTheFilesUseIsInTheTree() {
        Map<String, DemoAreas.Area> areas = areas();
        for (DemoCity.Submission submission : DemoCity.SUBMISSIONS) {
            for (String code : submission.areaCodes()) {
                assertTrue(areas.containsKey(code), submission.fileName() + ": " + code);
            }
        }
    }

    @Test
    void eachDepartmentSubmitsOnlyItsOwnIndicatorsInTheirUnits() {
        Map<String, JsonNode> indicators = indicators();
        Map<String, DemoUser> users = DemoUser.standalone().stream().collect(Collectors.toMap(DemoUser::username, u -> u));
        for (DemoCity.Submission submission : DemoCity.SUBMISSIONS) {
            DemoUser user = users.get(submission.submitter());
            assertNotNull(user, submission.submitter());
            assertEquals(List.of("3601"), user.areas());
            for (String code : submission.indicatorCodes()) {
                assertEquals(user.department(), indicators.get(code).get("responsibleDepartment").asString(),
                        submission.fileName() + ": " + code);
            }
            if (submission.kind().equals("VALUE")) {
                for (Map<String, String> row : submission.rows()) {
                    assertEquals(unit(indicators, row.get("dataElement")), row.get("unit"), row.toString());
                }
            }
        }
    }

    @Test
    void someValuesMeetTheirStandardAndSomeFail() {
        Map<String, JsonNode> indicators = indicators();
        Map<String, Set<Boolean>> verdicts = new HashMap<>();
        Set<String> areas = new HashSet<>();
        for (DemoCity.Submission submission : DemoCity.SUBMISSIONS) {
            if (!submission.kind().equals("VALUE")) {
                continue;
            }
            for (Map<String, String> row : submission.rows()) {
                JsonNode indicator = judged(indicators, row.get("dataElement"));
                if (indicator == null) {
                    continue; // a data element of a ratio, not judged by itself
                }
                verdicts.computeIfAbsent(indicator.get("code").asString(), code -> new HashSet<>())
                        .add(meets(indicator, new BigDecimal(row.get("value"))));
                areas.add(row.get("areaCode"));
            }
        }
        for (String code : List.of("U01", "U03", "U04", "U07", "U24", "U26", "C05")) {
            assertEquals(Set.of(true, false), verdicts.get(code), code);
        }
        assertTrue(areas.containsAll(Set.of("3601", "360102", "360103", "360104")), areas.toString());
    }

    @Test
    void theCitysDataElementsAddUpToItsIndicatorValues() {
        Map<String, JsonNode> indicators = indicators();
        for (DemoCity.Submission submission : DemoCity.SUBMISSIONS) {
            if (!submission.kind().equals("VALUE")) {
                continue;
            }
            Map<String, BigDecimal> city = new HashMap<>();
            submission.rows().stream().filter(row -> row.get("areaCode").equals("3601"))
                    .forEach(row -> city.put(row.get("dataElement"), new BigDecimal(row.get("value"))));
            for (String code : submission.indicatorCodes()) {
                JsonNode computation = indicators.get(code).get("computation");
                BigDecimal value = city.get(code);
                String type = computation.get("type").asString();
                double computed;
                if (type.equals("RATIO") || type.equals("COVERAGE")) {
                    BigDecimal numerator = city.get(computation.get("numerator").asString());
                    BigDecimal denominator = city.get(computation.get("denominator").asString());
                    if (numerator == null || denominator == null) {
                        continue;
                    }
                    double scale = computation.get("scale").isNull() ? 1 : computation.get("scale").asDouble();
                    computed = numerator.doubleValue() / denominator.doubleValue() * scale;
                } else if (type.equals("PER_CAPITA")) {
                    computed = city.get(computation.get("value").asString()).doubleValue()
                            / areas().get("3601").population();
                } else {
                    continue;
                }
                assertEquals(value.doubleValue(), computed, 0.05, code);
            }
        }
    }

    @Test
    void theFindingsAreBuildingsOfTheCompoundTheBatchCovers() {
        DemoCity.Submission findings = DemoCity.SUBMISSIONS.stream().filter(s -> s.kind().equals("FINDING")).findFirst()
                .orElseThrow();
        Map<String, DemoAreas.Area> areas = areas();
        String compound = findings.options().replaceAll(".*coverage=([0-9]+).*", "$1");

        assertEquals("COMPOUND", areas.get(compound).level());
        List<Map<String, String>> rows = findings.rows();
        assertTrue(rows.size() >= 1 && rows.size() <= 2);
        for (Map<String, String> row : rows) {
            assertEquals("BUILDING", areas.get(row.get("areaCode")).level());
            assertEquals(compound, areas.get(row.get("areaCode")).parentCode());
            assertTrue(Set.of("一般", "较重", "严重").contains(row.get("severity")), row.toString());
            assertTrue(row.get("description").codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), row.toString());
        }
    }

    @Test
    void surveysAreByCommunityAndHotlineCountsByStreet() {
        Map<String, DemoAreas.Area> areas = areas();
        for (DemoCity.Submission submission : DemoCity.SUBMISSIONS) {
            String level = switch (submission.kind()) {
                case "SURVEY" -> "COMMUNITY";
                case "HOTLINE" -> "STREET";
                default -> null;
            };
            if (level == null) {
                continue;
            }
            for (Map<String, String> row : submission.rows()) {
                assertEquals(level, areas.get(row.get("areaCode")).level(), row.toString());
                BigDecimal value = new BigDecimal(row.get("value"));
                assertTrue(value.signum() >= 0 && (level.equals("STREET") ? value.stripTrailingZeros().scale() <= 0
                        : value.compareTo(BigDecimal.valueOf(100)) <= 0), row.toString());
            }
        }
        assertEquals(Set.of("VALUE", "FINDING", "SURVEY", "HOTLINE"),
                DemoCity.SUBMISSIONS.stream().map(DemoCity.Submission::kind).collect(Collectors.toSet()));
    }

    @Test
    void eachFileHasItsOwnIdempotencyKey() {
        Set<String> keys = DemoCity.SUBMISSIONS.stream().map(DemoCity.Submission::idempotencyKey).collect(Collectors.toSet());

        assertEquals(DemoCity.SUBMISSIONS.size(), keys.size());
        assertEquals(DemoCity.SUBMISSIONS.get(0).idempotencyKey(), DemoCity.SUBMISSIONS.get(0).idempotencyKey());
    }

    @Test
    void theSummarySaysHowManyBatchesAndRows() {
        DemoCity.Loaded loaded = new DemoCity.Loaded(1900, List.of(
                new DemoCity.Accepted(DemoCity.SUBMISSIONS.get(0), "SUCCEEDED", 6),
                new DemoCity.Accepted(DemoCity.SUBMISSIONS.get(1), "SUCCEEDED", 5)));

        String summary = TijianStandalone.demoSummary(loaded);

        assertTrue(summary.startsWith("Demo city loaded: 1900 areas"), summary);
        assertTrue(summary.contains("2 batches, 11 rows accepted"), summary);
        assertTrue(summary.contains("water-dept      VALUE      6 rows  南昌市水务局-2025年城市体检基础数据.csv"), summary);
    }

    /** The indicator judged on values of {@code subject}: itself, or the one whose value it is. */
    private static JsonNode judged(Map<String, JsonNode> indicators, String subject) {
        if (indicators.containsKey(subject)) {
            return indicators.get(subject);
        }
        return indicators.values().stream()
                .filter(i -> i.get("computation").get("type").asString().equals("VALUE")
                        && subject.equals(i.get("computation").get("value").asString()))
                .findFirst().orElse(null);
    }

    private static String unit(Map<String, JsonNode> indicators, String subject) {
        for (JsonNode indicator : indicators.values()) {
            if (indicator.get("code").asString().equals(subject)) {
                return indicator.get("unit").asString();
            }
            for (JsonNode element : indicator.get("dataElements")) {
                if (element.get("code").asString().equals(subject)) {
                    return element.get("unit").asString();
                }
            }
        }
        throw new AssertionError("no data element " + subject);
    }

    private static boolean meets(JsonNode indicator, BigDecimal value) {
        for (JsonNode standard : indicator.get("standards")) {
            if (standard.get("checkYear").asInt() == DemoCity.CHECK_YEAR && standard.get("cityClass").isNull()) {
                BigDecimal threshold = standard.get("threshold").decimalValue();
                return switch (standard.get("operator").asString()) {
                    case "AT_LEAST" -> value.compareTo(threshold) >= 0;
                    case "EQUALS" -> value.compareTo(threshold) == 0;
                    default -> throw new AssertionError("not used by the demo: " + standard);
                };
            }
        }
        throw new AssertionError("no " + DemoCity.CHECK_YEAR + " standard for " + indicator.get("code"));
    }
}
