package org.tijian.evaluation.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.AreaLevel;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.Role;

/** The plan's scope rules on plain values: no Spring, no database. */
class CheckScopeRulesTest {

    private static final String CITY = "9801";

    /** A small tree of one city: streets 9801001 and 9801002, communities {street}001.., one street of another city. */
    private static final class Tree {
        private final Map<String, ScopeArea> areas = new HashMap<>();

        Tree street(String code) {
            return street(code, CITY);
        }

        Tree street(String code, String city) {
            areas.put(code, new ScopeArea(code, code + "街道", AreaLevel.STREET, city, code));
            return this;
        }

        Tree communities(String street, int count) {
            ScopeArea parent = areas.get(street);
            for (int i = 1; i <= count; i++) {
                String code = street + "%03d".formatted(i);
                areas.put(code, new ScopeArea(code, "第" + i + "社区", AreaLevel.COMMUNITY, parent.cityCode(), street));
            }
            return this;
        }

        Map<String, ScopeArea> build() {
            return Map.copyOf(areas);
        }
    }

    private static List<String> communities(String street, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> street + "%03d".formatted(i)).toList();
    }

    private static CheckScope scope(List<String> communities, List<String> blocks) {
        return new CheckScope(CITY, 2024, communities, blocks, null, 1, "admin", Instant.parse("2024-03-01T00:00:00Z"));
    }

    private static List<String> codes(ScopeReport report) {
        return report.violations().stream().map(ScopeViolation::code).toList();
    }

    @Test
    void tenCommunitiesAreEnoughHoweverLargeTheBuiltUpArea() {
        assertThat(CheckScopeRules.requiredCommunities(2_000)).isEqualTo(10);
        assertThat(CheckScopeRules.requiredCommunities(50)).isEqualTo(10);
    }

    @Test
    void twentyPercentRoundedUpDecidesForSmallBuiltUpAreas() {
        assertThat(CheckScopeRules.requiredCommunities(40)).isEqualTo(8);
        assertThat(CheckScopeRules.requiredCommunities(41)).isEqualTo(9);
        assertThat(CheckScopeRules.requiredCommunities(9)).isEqualTo(2);
        assertThat(CheckScopeRules.requiredCommunities(3)).isEqualTo(1);
    }

    @Test
    void aCityWithoutKnownBuiltUpCommunitiesStillChecksOne() {
        assertThat(CheckScopeRules.requiredCommunities(0)).isEqualTo(1);
    }

    @Test
    void tenCommunitiesInTwoCheckedBlocksAreCompliant() {
        Map<String, ScopeArea> tree = new Tree().street("9801001").street("9801002")
                .communities("9801001", 5).communities("9801002", 5).build();
        List<String> checked = new java.util.ArrayList<>(communities("9801001", 5));
        checked.addAll(communities("9801002", 5));

        ScopeReport report = CheckScopeRules.report(scope(checked, List.of("9801001", "9801002")), "甲市", tree, 60);

        assertThat(report.compliant()).isTrue();
        assertThat(report.violations()).isEmpty();
        assertThat(report.requiredCommunities()).isEqualTo(10);
        assertThat(report.communities()).hasSize(10).first()
                .isEqualTo(new ScopeReport.Community("9801001001", "第1社区", "9801001"));
        assertThat(report.blocks()).containsExactly(new ScopeReport.Block("9801001", "9801001街道"),
                new ScopeReport.Block("9801002", "9801002街道"));
    }

    @Test
    void eightOfFortyBuiltUpCommunitiesAreTwentyPercentAndEnough() {
        Map<String, ScopeArea> tree = new Tree().street("9801001").street("9801002")
                .communities("9801001", 4).communities("9801002", 4).build();
        List<String> checked = new java.util.ArrayList<>(communities("9801001", 4));
        checked.addAll(communities("9801002", 4));

        ScopeReport eight = CheckScopeRules.report(scope(checked, List.of("9801001", "9801002")), "乙市", tree, 40);
        ScopeReport seven = CheckScopeRules.report(scope(checked.subList(0, 7), List.of("9801001", "9801002")), "乙市",
                tree, 40);

        assertThat(eight.compliant()).isTrue();
        assertThat(seven.compliant()).isFalse();
        ScopeViolation tooFew = seven.violations().get(0);
        assertThat(tooFew.code()).isEqualTo("SCOPE_TOO_FEW_COMMUNITIES");
        assertThat(tooFew.required()).isEqualTo(8);
        assertThat(tooFew.actual()).isEqualTo(7);
        assertThat(tooFew.messageZh()).contains("7", "8", "40", "20%");
        assertThat(tooFew.messageEn()).isEqualTo("Communities checked: 7, fewer than the required 8 (at least 10, or 20%"
                + " of the 40 communities of the built-up area)");
    }

    @Test
    void tooFewCommunitiesTooFewBlocksAndCommunitiesOutsideTheBlocksAreAllReported() {
        Map<String, ScopeArea> tree = new Tree().street("9801001").street("9801002").street("9801003")
                .communities("9801001", 3).communities("9801003", 1).build();
        List<String> checked = List.of("9801001001", "9801001002", "9801003001");

        ScopeReport report = CheckScopeRules.report(scope(checked, List.of("9801001")), "甲市", tree, 60);

        assertThat(report.compliant()).isFalse();
        assertThat(codes(report)).containsExactly("SCOPE_TOO_FEW_COMMUNITIES", "SCOPE_TOO_FEW_BLOCKS",
                "SCOPE_COMMUNITY_OUTSIDE_CHECKED_BLOCKS");
        assertThat(report.violations().get(0).actual()).isEqualTo(3);
        assertThat(report.violations().get(0).required()).isEqualTo(10);
        assertThat(report.violations().get(1).actual()).isEqualTo(1);
        assertThat(report.violations().get(1).required()).isEqualTo(2);
        assertThat(report.violations().get(2).areas())
                .containsExactly(new ScopeViolation.Area("9801003001", "9801003"));
    }

    @Test
    void entriesThatLeftTheCityOrChangedLevelAreReportedAndNotCounted() {
        Map<String, ScopeArea> tree = new HashMap<>(new Tree().street("9801001").street("9801002")
                .communities("9801001", 2).build());
        tree.put("9801002001", new ScopeArea("9801002001", "已迁出社区", AreaLevel.COMMUNITY, "9802", "9802001"));
        tree.put("9801002", new ScopeArea("9801002", "改为小区", AreaLevel.COMPOUND, CITY, null));

        ScopeReport report = CheckScopeRules.report(
                scope(List.of("9801001001", "9801001002", "9801002001", "9801009009"), List.of("9801001", "9801002")),
                "甲市", tree, 5);

        ScopeViolation gone = report.violations().get(0);
        assertThat(gone.code()).isEqualTo("SCOPE_AREA_NO_LONGER_VALID");
        assertThat(gone.areas()).extracting(ScopeViolation.Area::code)
                .containsExactly("9801002001", "9801009009", "9801002");
        assertThat(codes(report)).containsExactly("SCOPE_AREA_NO_LONGER_VALID", "SCOPE_TOO_FEW_BLOCKS");
        assertThat(report.communities()).hasSize(4);
        assertThat(report.communities().get(3)).isEqualTo(new ScopeReport.Community("9801009009", null, null));
    }

    @Test
    void everyBadEntryIsListedWithItsListAndIndex() {
        Map<String, ScopeArea> tree = new Tree().street("9801001").communities("9801001", 3)
                .street("9802001", "9802").communities("9802001", 1).build();

        List<EntryProblem> problems = CheckScopeRules.entryProblems(CITY,
                CheckScopeRules.normalize(java.util.Arrays.asList(
                        "9801001001", "nope", "9801001", "9802001001", " 9801001001 ", null, "9801001002")),
                List.of("9801001", "9801001003", "9802001", "9801001"), tree);

        assertThat(problems).extracting(EntryProblem::field, p -> p.error().code()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("communities[1]", "SCOPE_E3106"),
                org.assertj.core.groups.Tuple.tuple("communities[2]", "SCOPE_E3107"),
                org.assertj.core.groups.Tuple.tuple("communities[3]", "SCOPE_E3108"),
                org.assertj.core.groups.Tuple.tuple("communities[4]", "SCOPE_E3109"),
                org.assertj.core.groups.Tuple.tuple("communities[5]", "SCOPE_E3110"),
                org.assertj.core.groups.Tuple.tuple("blocks[1]", "SCOPE_E3107"),
                org.assertj.core.groups.Tuple.tuple("blocks[2]", "SCOPE_E3108"),
                org.assertj.core.groups.Tuple.tuple("blocks[3]", "SCOPE_E3109"));
    }

    @Test
    void rowErrorsNameTheLevelsInTheCallersLanguage() {
        EntryProblem wrongLevel = EntryProblem.of("communities", 2, ScopeError.WRONG_LEVEL, "9801001", AreaLevel.STREET,
                AreaLevel.COMMUNITY);

        var zh = wrongLevel.toRowError(Locale.SIMPLIFIED_CHINESE);
        var en = wrongLevel.toRowError(Locale.ENGLISH);

        assertThat(zh.row()).isEqualTo(3);
        assertThat(zh.field()).isEqualTo("communities[2]");
        assertThat(zh.code()).isEqualTo("SCOPE_E3107");
        assertThat(zh.message()).isEqualTo("communities[2]：区域 9801001 的层级为 街道/乡镇，应为 社区");
        assertThat(en.message()).isEqualTo("communities[2]: area 9801001 is a STREET, a COMMUNITY is expected");
    }

    @Test
    void cityOfficialsWriteOnlyCitiesInsideTheirAreas() {
        assertThat(CheckScopeRules.mayWrite(Set.of(Role.CITY_OFFICIAL), List.of("3601"), "3601")).isTrue();
        assertThat(CheckScopeRules.mayWrite(Set.of(Role.CITY_OFFICIAL), List.of("36"), "3602")).isTrue();
        assertThat(CheckScopeRules.mayWrite(Set.of(Role.CITY_OFFICIAL), List.of("3601"), "3602")).isFalse();
        assertThat(CheckScopeRules.mayWrite(Set.of(Role.ADMINISTRATOR), List.of(), "3602")).isTrue();
        assertThat(CheckScopeRules.mayWrite(Set.of(Role.DISTRICT_OFFICIAL), List.of("3601"), "3601")).isFalse();
    }

    @Test
    void yearsOutsideTwentyTwentyToTwentyOneHundredAndEmptyScopesAreRejected() {
        assertThatThrownBy(() -> CheckScopeRules.checkRequest(2019, List.of("1"), List.of(), null))
                .isInstanceOfSatisfying(TijianException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ScopeError.YEAR_OUT_OF_RANGE));
        assertThatThrownBy(() -> CheckScopeRules.checkRequest(2101, List.of("1"), List.of(), null))
                .isInstanceOf(TijianException.class);
        assertThatThrownBy(() -> CheckScopeRules.checkRequest(2024, List.of(), List.of(), null))
                .isInstanceOfSatisfying(TijianException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ScopeError.EMPTY_BODY));
        assertThatThrownBy(() -> CheckScopeRules.checkRequest(2024, List.of("1"), List.of(), "长".repeat(2_001)))
                .isInstanceOfSatisfying(TijianException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ScopeError.NOTE_TOO_LONG));
        CheckScopeRules.checkRequest(2020, List.of("1"), List.of(), null);
        CheckScopeRules.checkRequest(2100, List.of(), List.of("1"), "说明");
    }
}
