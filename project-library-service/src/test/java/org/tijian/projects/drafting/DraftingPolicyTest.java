package org.tijian.projects.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.RectificationClass;
import org.tijian.projects.drafting.DraftingPolicy.Quantity;
import org.tijian.projects.drafting.DraftingPolicy.Rule;
import org.tijian.projects.drafting.DraftingPolicy.Scope;
import org.tijian.projects.drafting.DraftingPolicy.UnitCost;
import org.tijian.projects.project.Composition;
import org.tijian.projects.project.Link;
import org.tijian.projects.project.ProjectType;

class DraftingPolicyTest {

    static final String STREET = "360111001";

    /** The policy of application.yml, in short. */
    static DraftingPolicy policy() {
        return new DraftingPolicy(List.of(
                new Rule("GAS_PIPES", List.of("H02"), Scope.STREET, ProjectType.FACILITY_CONSTRUCTION,
                        "{area}燃气管道老化更新改造项目", "对{area}{scale}存在燃气安全隐患的住宅楼栋实施燃气管道更新改造", "housing", 1),
                new Rule("PARKING", List.of("C08"), Scope.COMMUNITY, null, "{area}停车设施补短板项目",
                        "在{area}相邻小区统筹新建停车位 {scale}", "urban-management", 2)),
                Map.of("H02", new UnitCost("栋", new BigDecimal("12"), Quantity.COUNT),
                        "C08", new UnitCost("个车位", new BigDecimal("3.5"), Quantity.VALUE)),
                Map.of("U01", "water"), Map.of("housing", "市住房和城乡建设局"), null, null);
    }

    static OpenProblem problem(String indicator, String area, String value, RectificationClass rectificationClass) {
        return new OpenProblem(UUID.randomUUID(), 2025, area, indicator, "指标 " + indicator,
                value == null ? null : new BigDecimal(value), "个", ">= 70", "问题", rectificationClass, "IDENTIFIED", 1);
    }

    static String building(String street, int compound, int building) {
        return street + "001" + String.format("%03d%03d", compound, building);
    }

    @Test
    void gasHazardBuildingsOfOneStreetFormOneGroupAndAnotherStreetAnother() {
        DraftingPolicy policy = policy();

        var a = policy.groupOf(problem("H02", building(STREET, 1, 1), "1", RectificationClass.TIME_LIMITED));
        var b = policy.groupOf(problem("H02", building(STREET, 7, 12), "1", RectificationClass.TIME_LIMITED));
        var other = policy.groupOf(problem("H02", building("360111002", 1, 1), "1", RectificationClass.TIME_LIMITED));

        assertThat(a.key()).isEqualTo("GAS_PIPES:" + STREET).isEqualTo(b.key());
        assertThat(other.key()).isEqualTo("GAS_PIPES:360111002");
        assertThat(a.areaCode()).isEqualTo(STREET);
        assertThat(a.type(policy)).isEqualTo(ProjectType.FACILITY_CONSTRUCTION);
        assertThat(policy.departmentOf(a.rule(), "H02")).isEqualTo("housing");
    }

    @Test
    void parkingGapsOfNeighbouringCompoundsOfOneCommunityFormOneGroup() {
        DraftingPolicy policy = policy();
        String community = STREET + "001";

        var a = policy.groupOf(problem("C08", community + "001", "120", RectificationClass.BEST_EFFORT));
        var b = policy.groupOf(problem("C08", community + "002", "300", RectificationClass.BEST_EFFORT));
        var elsewhere = policy.groupOf(problem("C08", STREET + "002001", "50", RectificationClass.BEST_EFFORT));

        assertThat(a.key()).isEqualTo("PARKING:" + community).isEqualTo(b.key());
        assertThat(elsewhere.key()).isNotEqualTo(a.key());
        assertThat(a.years(policy)).isEqualTo(2);
        assertThat(a.type(policy)).isEqualTo(ProjectType.FACILITY_CONSTRUCTION);
    }

    @Test
    void problemsNoRuleNamesGetOneProjectPerIndicatorAndArea() {
        DraftingPolicy policy = policy();

        var sewage = policy.groupOf(problem("U01", "3601", "64", RectificationClass.BEST_EFFORT));
        var sewageAgain = policy.groupOf(problem("U01", "3601", "64", RectificationClass.BEST_EFFORT));
        var otherIndicator = policy.groupOf(problem("U02", "3601", "64", RectificationClass.BEST_EFFORT));
        var otherArea = policy.groupOf(problem("U01", "3602", "64", RectificationClass.BEST_EFFORT));

        assertThat(sewage.key()).isEqualTo("PER_INDICATOR_AND_AREA:U01:3601").isEqualTo(sewageAgain.key());
        assertThat(otherIndicator.key()).isNotEqualTo(sewage.key());
        assertThat(otherArea.key()).isNotEqualTo(sewage.key());
        assertThat(policy.departmentOf(sewage.rule(), "U01")).isEqualTo("water");
        assertThat(sewage.type(policy)).isEqualTo(ProjectType.FACILITY_CONSTRUCTION);
    }

    @Test
    void estimateOfThirtySixBuildingsShowsTheCalculation() {
        DraftingPolicy policy = policy();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            links.add(policy.linkOf(problem("H02", building(STREET, 1 + i % 4, i), "1",
                    i == 5 ? RectificationClass.TIME_LIMITED : RectificationClass.BEST_EFFORT)));
        }

        Composition c = policy.compose(policy.groupOf(problem("H02", building(STREET, 1, 1), "1",
                RectificationClass.BEST_EFFORT)).rule(), links, code -> code.equals(STREET) ? "公园路街道" : code);

        assertThat(c.scale()).isEqualTo("36 栋");
        assertThat(c.scaleQuantity()).isEqualByComparingTo("36");
        assertThat(c.investmentWan()).isEqualByComparingTo("432");
        assertThat(c.estimate()).isEqualTo("36 栋 × 12 万元/栋 = 432 万元");
        assertThat(c.expectedEffect()).isEqualTo("H02 −36");
        assertThat(c.name()).isEqualTo("公园路街道燃气管道老化更新改造项目");
        assertThat(c.constructionContent()).isEqualTo("对公园路街道36 栋存在燃气安全隐患的住宅楼栋实施燃气管道更新改造");
        assertThat(c.areaCodes()).containsExactly(STREET);
        assertThat(c.priority()).isEqualTo(1);
        assertThat(c.timeLimited()).isTrue();
    }

    @Test
    void parkingScaleIsTheSumOfTheGapsAndBestEffortComesSecond() {
        DraftingPolicy policy = policy();
        String community = STREET + "001";
        List<Link> links = List.of(policy.linkOf(problem("C08", community + "001", "120", RectificationClass.BEST_EFFORT)),
                policy.linkOf(problem("C08", community + "002", "300", RectificationClass.BEST_EFFORT)));

        Composition c = policy.compose(policy.rule("PARKING", "C08"), links, code -> code);

        assertThat(c.scale()).isEqualTo("420 个车位");
        assertThat(c.estimate()).isEqualTo("420 个车位 × 3.5 万元/个车位 = 1470 万元");
        assertThat(c.investmentWan()).isEqualByComparingTo("1470");
        assertThat(c.expectedEffect()).isEqualTo("C08 −420");
        assertThat(c.priority()).isEqualTo(2);
        assertThat(c.name()).isEqualTo(community + "停车设施补短板项目");
    }

    @Test
    void anIndicatorWithoutUnitCostIsCountedInPlacesAndLeftToEstimate() {
        DraftingPolicy policy = policy();
        List<Link> links = List.of(policy.linkOf(problem("U01", "3601", "64", RectificationClass.BEST_EFFORT)));

        Composition c = policy.compose(policy.rule("PER_INDICATOR_AND_AREA", "U01"), links, code -> "南昌市");

        assertThat(c.scale()).isEqualTo("1 处");
        assertThat(c.investmentWan()).isNull();
        assertThat(c.estimate()).isEqualTo("U01：无单价，待估算");
        assertThat(c.expectedEffect()).isEqualTo("U01 达到评价标准（>= 70）");
        assertThat(c.name()).isEqualTo("南昌市指标 U01整治项目");
    }

    @Test
    void mixedIndicatorsAddTheirEstimatesWithATotal() {
        DraftingPolicy policy = policy();
        List<Link> links = List.of(policy.linkOf(problem("H02", building(STREET, 1, 1), "1", RectificationClass.BEST_EFFORT)),
                policy.linkOf(problem("H02", building(STREET, 1, 2), "1", RectificationClass.BEST_EFFORT)),
                policy.linkOf(problem("C08", STREET + "001001", "10", RectificationClass.BEST_EFFORT)));

        Composition c = policy.compose(policy.rule("GAS_PIPES", "H02"), links, code -> code);

        assertThat(c.scale()).isEqualTo("2 栋；10 个车位");
        assertThat(c.scaleQuantity()).isNull();
        assertThat(c.investmentWan()).isEqualByComparingTo("59");
        assertThat(c.estimate()).isEqualTo("2 栋 × 12 万元/栋 = 24 万元；10 个车位 × 3.5 万元/个车位 = 35 万元；合计 59 万元");
        assertThat(c.expectedEffect()).isEqualTo("H02 −2；C08 −10");
    }
}
