package org.tijian.evaluation.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.tijian.contracts.Topics;
import org.tijian.evaluation.EvaluationApi;
import org.tijian.evaluation.IntakeEvents;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small city whose every expected verdict is worked out by hand below, from the standards of the national basic
 * indicators (2024 and 2025) and the figures sent, not from what the code computed.
 *
 * <pre>
 * 示例市 369900 (PREFECTURE_CITY, MEDIUM, 1 000 000 people)        示范市 369800 (PROVINCIAL_CAPITAL, LARGE, 2 000 000)
 * ├─ 东区 369901
 * │  ├─ 街道A 369901001
 * │  │  ├─ 社区A1 …001001: 小区A1a …001001001 (buildings 1–4), 小区A1b …001001002 (buildings 1–3)
 * │  │  └─ 社区A2 …001002: 小区A2a …001002001 (buildings 1–2)
 * │  └─ 街道B 369901002 ─ 社区B1 …002001: 小区B1a …002001001 (buildings 1–3)
 * └─ 西区 369902 ─ 街道C 369902001 ─ 社区C1 …001001: 小区C1a …001001001 (buildings 1–2)
 * </pre>
 *
 * 14 buildings, 5 compounds, 4 communities, 3 streets.
 */
@TijianIntegrationTest(database = "evaluation_example_it")
class ExampleCityIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CITY = "369900";
    private static final String CAPITAL = "369800";
    private static final String EAST = "369901";
    private static final String WEST = "369902";
    private static final String STREET_A = "369901001";
    private static final String STREET_B = "369901002";
    private static final String STREET_C = "369902001";
    private static final String COMMUNITY_A1 = "369901001001";
    private static final String COMMUNITY_A2 = "369901001002";
    private static final String COMMUNITY_B1 = "369901002001";
    private static final String COMPOUND_A1A = "369901001001001";
    private static final String COMPOUND_A1B = "369901001001002";
    private static final String COMPOUND_A2A = "369901001002001";
    private static final String COMPOUND_B1A = "369901002001001";
    private static final String COMPOUND_C1A = "369902001001001";

    private static boolean treeImported;

    @Value("${local.server.port}")
    int port;

    @Autowired
    DatabaseClient db;

    private final JsonMapper json = JsonMapper.builder().build();

    private static String building(String compound, int n) {
        return compound + String.format("%03d", n);
    }

    private EvaluationApi api() {
        return new EvaluationApi(port, WAIT);
    }

    @BeforeEach
    void importTreeOnce() {
        synchronized (ExampleCityIT.class) {
            if (treeImported) {
                return;
            }
            StringBuilder tree = new StringBuilder("""
                    code,name,level,parent_code,city_class,size_class,population
                    360000,江西省,PROVINCE,,,,
                    369900,示例市,CITY,360000,PREFECTURE_CITY,MEDIUM,1000000
                    369800,示范市,CITY,360000,PROVINCIAL_CAPITAL,LARGE,2000000
                    369901,东区,DISTRICT,369900,,,
                    369902,西区,DISTRICT,369900,,,
                    369901001,街道A,STREET,369901,,,
                    369901002,街道B,STREET,369901,,,
                    369902001,街道C,STREET,369902,,,
                    369901001001,社区A1,COMMUNITY,369901001,,,
                    369901001002,社区A2,COMMUNITY,369901001,,,
                    369901002001,社区B1,COMMUNITY,369901002,,,
                    369902001001,社区C1,COMMUNITY,369902001,,,
                    369901001001001,小区A1a,COMPOUND,369901001001,,,
                    369901001001002,小区A1b,COMPOUND,369901001001,,,
                    369901001002001,小区A2a,COMPOUND,369901001002,,,
                    369901002001001,小区B1a,COMPOUND,369901002001,,,
                    369902001001001,小区C1a,COMPOUND,369902001001,,,
                    """);
            Map<String, Integer> buildings = Map.of(COMPOUND_A1A, 4, COMPOUND_A1B, 3, COMPOUND_A2A, 2, COMPOUND_B1A, 3,
                    COMPOUND_C1A, 2);
            buildings.forEach((compound, count) -> {
                for (int n = 1; n <= count; n++) {
                    tree.append(building(compound, n)).append(",楼栋").append(n).append(",BUILDING,").append(compound)
                            .append(",,,\n");
                }
            });
            api().importTree(tree.toString());
            treeImported = true;
        }
    }

    @Test
    void everyVerdictOfTheExampleCityIsAsWorkedOutByHand() {
        int year = 2024;
        // H02 gas hazards (building level, standard = 0): three buildings; the survey covered streets A and B, not C
        finding(year, "H02", building(COMPOUND_A1A, 1), "GAS_HAZARD");
        finding(year, "H02", building(COMPOUND_A1A, 2), "GAS_HAZARD");
        UUID b1a1 = finding(year, "H02", building(COMPOUND_B1A, 1), "GAS_HAZARD");
        survey(year, "H02", STREET_A, STREET_B);
        // H01 structural hazards: the whole city surveyed, nothing found
        survey(year, "H01", CITY);
        // C01 elderly-care facility missing (compound level): compound A1b; the survey covered community A1 only
        finding(year, "C01", COMPOUND_A1B, "ELDERLY_CARE_FACILITY_MISSING");
        survey(year, "C01", COMMUNITY_A1);
        // C05 parking shortfall (value per compound, = 0) and C04 place shortfall (value per community, = 0)
        value(year, COMPOUND_A1A, "C05_PARKING_SHORTFALL", "0");
        value(year, COMPOUND_A2A, "C05_PARKING_SHORTFALL", "12");
        value(year, COMMUNITY_B1, "C04_PLACE_SHORTFALL", "3");
        // B01 middle-school coverage per street (>= 80 %), B04 kindergarten coverage (>= 85 %), B02 sports grounds
        value(year, STREET_A, "B01_COVERED_RESIDENTIAL_LAND", "6.4");
        value(year, STREET_A, "B01_RESIDENTIAL_LAND", "8");
        value(year, STREET_B, "B01_COVERED_RESIDENTIAL_LAND", "3");
        value(year, STREET_B, "B01_RESIDENTIAL_LAND", "5");
        value(year, STREET_C, "B04_COVERED_RESIDENTIAL_LAND", "2");
        finding(year, "B02", STREET_C, "SPORTS_GROUND_SUBSTANDARD");
        // City indicators
        value(year, CITY, "U01_COLLECTED", "6400");
        value(year, CITY, "U01_PRODUCED", "10000");
        value(year, CAPITAL, "U01_COLLECTED", "8000");
        value(year, CAPITAL, "U01_PRODUCED", "10000");
        finding(year, "U02", CITY, "BLACK_ODOROUS_WATER_BODY");
        value(year, CITY, "U04_SPORTS_GROUND_AREA", "3500000");
        value(year, CAPITAL, "U04_SPORTS_GROUND_AREA", "6000000");
        value(year, CITY, "U05_CULTURAL_FACILITY_AREA", "150000");
        value(year, CITY, "U07_ROAD_LENGTH", "640");
        value(year, CITY, "U07_BUILT_UP_AREA", "80");
        value(year, CITY, "U08_GREEN_BUILDING_AREA", "90");
        value(year, CITY, "U08_NEW_BUILDING_AREA", "100");
        value(year, CITY, "U10_VACANT", "5");
        value(year, CITY, "U10_TOTAL", "100");
        value(year, CITY, "U13_NEW_PROTECTED_OBJECTS", "5");
        value(year, CITY, "U14_PEAK_SPEED", "18");
        value(year, CITY, "U15_STATION_COMMUTERS", "12");
        value(year, CITY, "U15_TOTAL_COMMUTERS", "100");
        value(year, CAPITAL, "U15_STATION_COMMUTERS", "12");
        value(year, CAPITAL, "U15_TOTAL_COMMUTERS", "100");
        value(year, CITY, "U18_ACCIDENTS", "0");
        value(year, CITY, "U24_CONSTRUCTION_LAND", "50");
        value(year, CITY, "U27_MONITORED_LENGTH", "20");
        value(year, CITY, "U27_TOTAL_LENGTH", "100");
        value(year, CAPITAL, "U27_MONITORED_LENGTH", "20");
        value(year, CAPITAL, "U27_TOTAL_LENGTH", "100");

        List<Expected> expected = List.of(
                // H02: each building with a finding fails by 1; a compound counts its failing buildings, judged = 0
                fail(building(COMPOUND_A1A, 1), "H02", "1", "1"),
                fail(building(COMPOUND_A1A, 2), "H02", "1", "1"),
                fail(building(COMPOUND_B1A, 1), "H02", "1", "1"),
                fail(COMPOUND_A1A, "H02", "2", "2").items(2, 4, 4),
                pass(COMPOUND_A1B, "H02", "0").items(0, 3, 3),
                pass(COMPOUND_A2A, "H02", "0").items(0, 2, 2),
                fail(COMMUNITY_A1, "H02", "2", "2").items(2, 7, 7),
                pass(COMMUNITY_A2, "H02", "0").items(0, 2, 2),
                fail(STREET_A, "H02", "2", "2").items(2, 9, 9),
                fail(STREET_B, "H02", "1", "1").items(1, 3, 3),
                fail(EAST, "H02", "3", "3").items(3, 12, 12),
                // street C was not surveyed and has no finding: 12 of the city's 14 buildings surveyed
                fail(CITY, "H02", "3", "3").items(3, 12, 14),
                // H01: everything surveyed, nothing found
                pass(CITY, "H01", "0").items(0, 14, 14),
                pass(STREET_C, "H01", "0").items(0, 2, 2),
                // C01: compound A1b lacks the facility; community A1 (2 compounds) was surveyed
                fail(COMPOUND_A1B, "C01", "1", "1"),
                fail(COMMUNITY_A1, "C01", "1", "1").items(1, 2, 2),
                fail(CITY, "C01", "1", "1").items(1, 2, 5),
                // C05: 0 at A1a passes, 12 at A2a fails by 12; above the compounds the shortfalls add up
                pass(COMPOUND_A1A, "C05", "0"),
                fail(COMPOUND_A2A, "C05", "12", "12"),
                pass(COMMUNITY_A1, "C05", "0"),
                fail(STREET_A, "C05", "12", "12"),
                fail(CITY, "C05", "12", "12"),
                // C04 at community B1: 3 places short
                fail(COMMUNITY_B1, "C04", "3", "3"),
                fail(CITY, "C04", "3", "3"),
                // B01: A 6.4 / 8 = 80 % passes (>= 80); B 3 / 5 = 60 % fails by 20;
                // the district and the city: (6.4 + 3) / (8 + 5) = 9.4 / 13 = 72.31 %, failing by 7.69
                pass(STREET_A, "B01", "80"),
                fail(STREET_B, "B01", "60", "20").explained("3 / 5 = 60% < 80%"),
                fail(EAST, "B01", "72.31", "7.69").explained("9.4 / 13 = 72.31% < 80%（2 个下级区域合计）"),
                fail(CITY, "B01", "72.31", "7.69"),
                // B04 at street C: only the covered land was reported
                noData(STREET_C, "B04", "B04_RESIDENTIAL_LAND"),
                // B02: a finding at street C without a survey still counts
                fail(STREET_C, "B02", "1", "1"),
                fail(CITY, "B02", "1", "1"),
                // U01: 6 400 / 10 000 = 64 % < 70 %; the capital 8 000 / 10 000 = 80 %
                fail(CITY, "U01", "64", "6").explained("6 400 / 10 000 = 64% < 70%"),
                pass(CAPITAL, "U01", "80"),
                fail(CITY, "U02", "1", "1"),
                // U04 per capita (>= 3.2): 3 500 000 / 1 000 000 = 3.5; the capital 6 000 000 / 2 000 000 = 3
                pass(CITY, "U04", "3.5"),
                fail(CAPITAL, "U04", "3", "0.2"),
                // U05 (>= 0.2): 150 000 / 1 000 000 = 0.15
                fail(CITY, "U05", "0.15", "0.05"),
                // U07 road density (>= 8 km/km²): 640 / 80 = 8
                pass(CITY, "U07", "8").explained("640 / 80 = 8 >= 8"),
                // U08 (>= 100 %): 90 / 100 = 90 %
                fail(CITY, "U08", "90", "10"),
                // U10 and U13 are not graded in 2024
                notGraded(CITY, "U10", "5"),
                notGraded(CITY, "U13", "5"),
                // U14 peak speed (>= 20 km/h): 18
                fail(CITY, "U14", "18", "2"),
                // U15 is graded only for super-large, mega and large cities (>= 10 % for large): 12 %
                notGraded(CITY, "U15", "12"),
                pass(CAPITAL, "U15", "12"),
                pass(CITY, "U18", "0"),
                // U24: only the construction land was reported
                noData(CITY, "U24", "U24_COVERED_LAND"),
                // U27 (>= 15 % for prefecture cities, >= 30 % for capitals): 20 % each
                pass(CITY, "U27", "20"),
                fail(CAPITAL, "U27", "20", "10"));
        awaitResults(year, expected);

        // H05 had neither a survey nor a finding: no result anywhere, never a made-up zero
        assertThat(results(year, CITY)).noneMatch(r -> "H05".equals(r.get("indicatorCode")));
        // street C was not surveyed for H02 and has no finding: nothing is known there
        assertThat(results(year, STREET_C)).noneMatch(r -> "H02".equals(r.get("indicatorCode")));
        Map<String, Object> building = result(year, building(COMPOUND_B1A, 1), "H02");
        assertThat(building.get("observationIds")).isEqualTo(List.of(b1a1.toString()));
        assertThat(building.get("areaLevel")).isEqualTo("BUILDING");
        assertThat(building.get("evaluationLevel")).isEqualTo("BUILDING");
    }

    @Test
    void correctionsWithdrawalsDuplicatesAndLateArrivals() {
        int year = 2025;
        try (KafkaProbe published = KafkaProbe.on(Topics.EVALUATION_RESULTS)) {
            // a correction turns U01 from failing to passing: a new version, published
            UUID first = value(year, CITY, "U01_COLLECTED", "6400", 1, null);
            value(year, CITY, "U01_PRODUCED", "10000");
            awaitResults(year, List.of(fail(CITY, "U01", "64", "6")));
            int failingVersion = (Integer) result(year, CITY, "U01").get("version");
            UUID correction = value(year, CITY, "U01_COLLECTED", "7500", 2, first);
            awaitResults(year, List.of(pass(CITY, "U01", "75")));
            Map<String, Object> corrected = result(year, CITY, "U01");
            assertThat(corrected.get("version")).isEqualTo(failingVersion + 1);
            assertThat(corrected.get("observationIds").toString()).contains(correction.toString())
                    .doesNotContain(first.toString());

            // a correction that arrives before the value it corrects wins, and the late original changes nothing
            UUID original = UUID.randomUUID();
            value(year, CITY, "U14_PEAK_SPEED", "25", 2, original);
            awaitResults(year, List.of(pass(CITY, "U14", "25")));
            valueWithId(original, year, CITY, "U14_PEAK_SPEED", "12", 1, null);
            UUID marker = value(year, CITY, "U18_ACCIDENTS", "2");
            awaitResults(year, List.of(fail(CITY, "U18", "2", "2")));
            assertThat(result(year, CITY, "U14").get("version")).isEqualTo(1);
            assertThat(result(year, CITY, "U18").get("observationIds")).isEqualTo(List.of(marker.toString()));

            // the same finding delivered twice counts once; a withdrawn finding no longer counts
            UUID hazard = UUID.randomUUID();
            FindingReported twice = findingEvent(hazard, year, "H03", building(COMPOUND_B1A, 2), "STAIRWELL_HAZARD");
            send(twice, twice.areaCode());
            send(twice, twice.areaCode());
            UUID other = finding(year, "H03", building(COMPOUND_B1A, 3), "STAIRWELL_HAZARD");
            survey(year, "H03", STREET_B);
            awaitResults(year, List.of(fail(COMPOUND_B1A, "H03", "2", "2").items(2, 3, 3),
                    fail(CITY, "H03", "2", "2").items(2, 3, 14)));
            withdraw(year, other, ObservationKind.FINDING, "H03", building(COMPOUND_B1A, 3));
            // the building was surveyed and its finding withdrawn: it passes, and the compound counts one
            awaitResults(year, List.of(pass(building(COMPOUND_B1A, 3), "H03", "0"),
                    fail(COMPOUND_B1A, "H03", "1", "1").items(1, 3, 3), fail(CITY, "H03", "1", "1")));

            List<IndicatorEvaluated> u01 = published.await(2, r -> CITY.equals(r.key())
                    && "U01".equals(read(r.value()).indicatorCode()) && read(r.value()).checkYear() == year
                    && read(r.value()).verdict() != org.tijian.contracts.Verdict.NO_DATA, WAIT)
                    .stream().map(r -> read(r.value())).toList();
            assertThat(u01).extracting(IndicatorEvaluated::verdict).containsExactly(
                    org.tijian.contracts.Verdict.FAIL, org.tijian.contracts.Verdict.PASS);
            assertThat(u01.get(1).explanation()).isEqualTo("7 500 / 10 000 = 75% > 70%");
        }
    }

    @Test
    void aBuildingThatFailedLastYearPassesWhenSurveyedWithoutAFindingAndStaysUnknownWhenNotSurveyed() {
        String surveyedAgain = building(COMPOUND_A2A, 1);
        String notSurveyed = building(COMPOUND_C1A, 1);
        finding(2024, "H04", surveyedAgain, "ENVELOPE_HAZARD");
        finding(2024, "H04", notSurveyed, "ENVELOPE_HAZARD");
        survey(2024, "H04", CITY);
        awaitResults(2024, List.of(fail(surveyedAgain, "H04", "1", "1"), fail(notSurveyed, "H04", "1", "1"),
                fail(CITY, "H04", "2", "2").items(2, 14, 14)));

        try (KafkaProbe published = KafkaProbe.on(Topics.EVALUATION_RESULTS)) {
            survey(2025, "H04", STREET_A);
            awaitResults(2025, List.of(pass(surveyedAgain, "H04", "0"), pass(STREET_A, "H04", "0").items(0, 9, 9),
                    pass(CITY, "H04", "0").items(0, 9, 14)));
            IndicatorEvaluated fixed = read(published.await(1, r -> surveyedAgain.equals(r.key())
                    && read(r.value()).checkYear() == 2025, WAIT).get(0).value());
            assertThat(fixed.verdict()).isEqualTo(org.tijian.contracts.Verdict.PASS);
            assertThat(fixed.areaLevel()).isEqualTo(org.tijian.contracts.AreaLevel.BUILDING);
        }
        assertThat(results(2025, notSurveyed)).noneMatch(r -> "H04".equals(r.get("indicatorCode")));
    }

    @Test
    void aBuildingsFirstFindingsAreAllItsFindingsUnlessAWithdrawalOrAnUnknownIndicatorCameFirst() {
        int year = 2025;
        // two findings of one building: whether they arrive in one poll (computed from the poll alone) or in two
        // (the second read back with the first), the building fails once, on both
        String twoFindings = building(COMPOUND_C1A, 1);
        UUID pipe = finding(year, "H06", twoFindings, "DAMAGED_PIPELINE");
        UUID drain = finding(year, "H06", twoFindings, "DAMAGED_DRAIN");
        awaitResults(year, List.of(fail(twoFindings, "H06", "1", "1")));
        assertThat(result(year, twoFindings, "H06").get("observationIds"))
                .isEqualTo(Stream.of(pipe, drain).sorted().map(UUID::toString).toList());

        // a withdrawal that arrives before its finding: the finding, alone in a later poll, still does not count
        String withdrawnFirst = building(COMPOUND_C1A, 2);
        UUID early = UUID.randomUUID();
        withdraw(year, early, ObservationKind.FINDING, "H06", withdrawnFirst);
        awaitStored("select count(*) as n from withdrawal where observation_id = :id", early);
        FindingReported late = findingEvent(early, year, "H06", withdrawnFirst, "DAMAGED_PIPELINE");
        send(late, withdrawnFirst);
        // a finding of an indicator the catalog does not hold is stored, and its key recorded for reading back
        UUID unknown = finding(year, "XX99", withdrawnFirst, "UNKNOWN_HAZARD");
        // keyed by the building: consumed after the findings before it
        finding(year, "H07", withdrawnFirst, "AGE_FRIENDLY_RETROFIT_NEEDED");
        awaitResults(year, List.of(fail(withdrawnFirst, "H07", "1", "1")));
        assertThat(results(year, withdrawnFirst)).noneMatch(r -> "H06".equals(r.get("indicatorCode")));
        awaitStored("select count(*) as n from finding f join finding_key_read_back b on b.check_year = f.check_year"
                + " and b.indicator_code = f.indicator_code and b.area_code = f.area_code where f.finding_id = :id",
                unknown);
    }

    private void awaitStored(String countQuery, UUID id) {
        Awaitility.await().atMost(WAIT).until(() -> db.sql(countQuery).bind("id", id)
                .map(row -> row.get("n", Long.class)).one().block() == 1L);
    }

    // --- expectations

    private record Expected(String area, String indicator, String verdict, String value, String gap, String explanation,
            Long failing, Long surveyed, Long total, String missing) implements EvaluationApi.Expectation {

        Expected items(long itemsFailing, long itemsSurveyed, long itemsTotal) {
            return new Expected(area, indicator, verdict, value, gap, explanation, itemsFailing, itemsSurveyed,
                    itemsTotal, missing);
        }

        Expected explained(String text) {
            return new Expected(area, indicator, verdict, value, gap, text, failing, surveyed, total, missing);
        }

        @Override
        public String problemWith(Map<String, Object> actual) {
            if (actual == null) {
                return area + " " + indicator + ": no result";
            }
            List<String> differences = new ArrayList<>();
            check(differences, "verdict", verdict, actual.get("verdict"));
            checkNumber(differences, "value", value, actual.get("value"));
            checkNumber(differences, "gap", gap, actual.get("gap"));
            if (explanation != null) {
                check(differences, "explanation", explanation, actual.get("explanation"));
            }
            if (failing != null) {
                checkNumber(differences, "itemsFailing", failing.toString(), actual.get("itemsFailing"));
                checkNumber(differences, "itemsSurveyed", surveyed.toString(), actual.get("itemsSurveyed"));
                checkNumber(differences, "itemsTotal", total.toString(), actual.get("itemsTotal"));
            }
            if (missing != null) {
                check(differences, "missing", List.of(missing), actual.get("missing"));
            }
            return differences.isEmpty() ? null : area + " " + indicator + ": " + String.join(", ", differences);
        }

        private static void check(List<String> differences, String field, Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
                differences.add(field + " " + actual + " instead of " + expected);
            }
        }

        private static void checkNumber(List<String> differences, String field, String expected, Object actual) {
            boolean same = expected == null ? actual == null
                    : actual != null && new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())) == 0;
            if (!same) {
                differences.add(field + " " + actual + " instead of " + expected);
            }
        }
    }

    private static Expected pass(String area, String indicator, String value) {
        return new Expected(area, indicator, "PASS", value, null, null, null, null, null, null);
    }

    private static Expected fail(String area, String indicator, String value, String gap) {
        return new Expected(area, indicator, "FAIL", value, gap, null, null, null, null, null);
    }

    private static Expected notGraded(String area, String indicator, String value) {
        return new Expected(area, indicator, "NOT_GRADED", value, null, null, null, null, null, null);
    }

    private static Expected noData(String area, String indicator, String missing) {
        return new Expected(area, indicator, "NO_DATA", null, null, null, null, null, null, missing);
    }

    private void awaitResults(int year, List<Expected> expected) {
        api().awaitResults(year, expected);
    }

    private List<Map<String, Object>> results(int year, String area) {
        return api().results(year, area);
    }

    private Map<String, Object> result(int year, String area, String indicator) {
        return Objects.requireNonNull(api().resultOrNull(year, area, indicator), area + " " + indicator);
    }

    private IndicatorEvaluated read(byte[] value) {
        return json.readValue(value, IndicatorEvaluated.class);
    }

    // --- what intake would publish

    private UUID value(int year, String area, String element, String value) {
        return value(year, area, element, value, 1, null);
    }

    private UUID value(int year, String area, String element, String value, int revision, UUID supersedes) {
        return valueWithId(UUID.randomUUID(), year, area, element, value, revision, supersedes);
    }

    private UUID valueWithId(UUID id, int year, String area, String element, String value, int revision,
            UUID supersedes) {
        return IntakeEvents.value(id, year, area, element, value, revision, supersedes, UUID.randomUUID(), 2);
    }

    private UUID finding(int year, String indicator, String area, String type) {
        FindingReported finding = findingEvent(UUID.randomUUID(), year, indicator, area, type);
        send(finding, area);
        return finding.findingId();
    }

    private static FindingReported findingEvent(UUID id, int year, String indicator, String area, String type) {
        return IntakeEvents.finding(id, year, indicator, area, type, UUID.randomUUID(), 2);
    }

    private void survey(int year, String indicator, String... coverage) {
        IntakeEvents.survey(year, indicator, coverage);
    }

    private void withdraw(int year, UUID observation, ObservationKind kind, String subject, String area) {
        IntakeEvents.withdraw(year, observation, kind, subject, area);
    }

    private void send(Record event, String key) {
        IntakeEvents.send(event, key);
    }
}
