package org.tijian.projects.drafting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.tijian.contracts.RectificationClass;
import org.tijian.projects.project.Composition;
import org.tijian.projects.project.Link;
import org.tijian.projects.project.ProjectType;

/**
 * How open problems become draft projects, bound from {@code tijian.projects.drafting} (docs/project-library.md).
 * The first rule naming a problem's indicator groups it (all gas-hazard buildings of one street into one
 * renovation project); a problem no rule names gets a project of its own indicator and area. Nulls take defaults.
 *
 * @param rules grouping rules, first match wins
 * @param unitCosts per indicator: the scale unit, the cost per unit in 万元 and how a problem counts
 * @param departments per indicator: the responsible department (责任部门) code when the rule names none
 * @param departmentNames department code → its name as exports show it
 * @param defaultType 项目类型 of projects no rule types
 * @param defaultYears 建设时序 in years of projects no rule sets
 */
public record DraftingPolicy(
        List<Rule> rules,
        Map<String, UnitCost> unitCosts,
        Map<String, String> departments,
        Map<String, String> departmentNames,
        ProjectType defaultType,
        Integer defaultYears) {

    public static final String FALLBACK = "PER_INDICATOR_AND_AREA";
    private static final String DEFAULT_NAME = "{area}{indicator}整治项目";
    private static final String DEFAULT_CONTENT = "针对{area}{indicator}问题（{count} 处）开展整治，规模 {scale}";

    public DraftingPolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
        unitCosts = unitCosts == null ? Map.of() : Map.copyOf(unitCosts);
        departments = departments == null ? Map.of() : Map.copyOf(departments);
        departmentNames = departmentNames == null ? Map.of() : Map.copyOf(departmentNames);
        defaultType = defaultType == null ? ProjectType.FACILITY_CONSTRUCTION : defaultType;
        defaultYears = defaultYears == null ? 1 : defaultYears;
    }

    public static DraftingPolicy defaults() {
        return new DraftingPolicy(null, null, null, null, null, null);
    }

    /** The level of the area hierarchy problems are grouped at; NBS area codes extend their parent's. */
    public enum Scope {
        CITY(4), DISTRICT(6), STREET(9), COMMUNITY(12), COMPOUND(15), AREA(Integer.MAX_VALUE);

        private final int codeLength;

        Scope(int codeLength) {
            this.codeLength = codeLength;
        }

        /** The code of the area of this level that contains {@code areaCode} (itself when above the level). */
        public String of(String areaCode) {
            return areaCode.length() > codeLength ? areaCode.substring(0, codeLength) : areaCode;
        }
    }

    /** How a problem counts towards its project's scale: one item (a building) or its result value (a gap of 120). */
    public enum Quantity { COUNT, VALUE }

    /**
     * @param name template: {area} the group area's name, {indicator} the indicator's name, {count}, {scale}
     * @param content 建设内容 template, same placeholders
     */
    public record Rule(String id, List<String> indicators, Scope groupBy, ProjectType type, String name, String content,
            String department, Integer years) {

        public Rule {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
            groupBy = groupBy == null ? Scope.AREA : groupBy;
        }
    }

    /** @param costWan 万元 per {@code unit} */
    public record UnitCost(String unit, BigDecimal costWan, Quantity quantity) {

        public UnitCost {
            quantity = quantity == null ? Quantity.COUNT : quantity;
        }
    }

    /** Where a problem goes: its rule, the group key drafts are found by, and the group's area. */
    public record Group(Rule rule, String key, String areaCode) {

        public ProjectType type(DraftingPolicy policy) {
            return rule.type() == null ? policy.defaultType() : rule.type();
        }

        public int years(DraftingPolicy policy) {
            return rule.years() == null ? policy.defaultYears() : rule.years();
        }
    }

    public Group groupOf(OpenProblem problem) {
        Rule rule = ruleFor(problem.indicatorCode());
        String area = rule.groupBy().of(problem.areaCode());
        String key = FALLBACK.equals(rule.id()) ? rule.id() + ":" + problem.indicatorCode() + ":" + area
                : rule.id() + ":" + area;
        return new Group(rule, key, area);
    }

    /** The rule of {@code ruleId}, or the fallback for the indicator when none (or MANUAL) is named. */
    public Rule rule(String ruleId, String indicatorCode) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseGet(() -> ruleFor(indicatorCode));
    }

    private Rule ruleFor(String indicatorCode) {
        return rules.stream().filter(r -> r.indicators().contains(indicatorCode)).findFirst()
                .orElse(new Rule(FALLBACK, List.of(indicatorCode), Scope.AREA, null, null, null, null, null));
    }

    public String departmentOf(Rule rule, String indicatorCode) {
        return rule.department() != null ? rule.department() : departments.get(indicatorCode);
    }

    public String departmentName(String code) {
        return code == null ? "" : departmentNames.getOrDefault(code, code);
    }

    /** The link of a problem to a project: its quantity by the indicator's unit cost (1 without one). */
    public Link linkOf(OpenProblem p) {
        UnitCost cost = unitCosts.get(p.indicatorCode());
        BigDecimal quantity = BigDecimal.ONE;
        if (cost != null && cost.quantity() == Quantity.VALUE && p.resultValue() != null) {
            quantity = p.resultValue().abs();
        }
        return new Link(p.problemId(), p.indicatorCode(), p.indicatorNameZh(), p.areaCode(), quantity, p.standard(),
                p.rectificationClass() == RectificationClass.TIME_LIMITED, false);
    }

    /**
     * A project's name, content, location, scale, estimate with its calculation, expected effect and priority from
     * its problems.
     *
     * @param areaNames the name of an area code (its code when unknown)
     */
    public Composition compose(Rule rule, List<Link> links, UnaryOperator<String> areaNames) {
        Map<String, List<Link>> byIndicator = new LinkedHashMap<>();
        links.forEach(l -> byIndicator.computeIfAbsent(l.indicatorCode(), k -> new ArrayList<>()).add(l));
        List<String> scaleParts = new ArrayList<>();
        List<String> estimateParts = new ArrayList<>();
        List<String> effectParts = new ArrayList<>();
        BigDecimal investment = null;
        BigDecimal singleQuantity = null;
        String singleUnit = null;
        for (var entry : byIndicator.entrySet()) {
            String indicator = entry.getKey();
            UnitCost cost = unitCosts.get(indicator);
            BigDecimal quantity = entry.getValue().stream().map(Link::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            String unit = cost == null ? "处" : cost.unit();
            String scale = plain(quantity) + " " + unit;
            scaleParts.add(scale);
            singleQuantity = quantity;
            singleUnit = unit;
            if (cost != null && cost.costWan() != null) {
                BigDecimal amount = quantity.multiply(cost.costWan()).setScale(2, RoundingMode.HALF_UP);
                investment = investment == null ? amount : investment.add(amount);
                estimateParts.add(scale + " × " + plain(cost.costWan()) + " 万元/" + unit + " = " + plain(amount) + " 万元");
                effectParts.add(indicator + " −" + plain(quantity));
            } else {
                estimateParts.add(indicator + "：无单价，待估算");
                String standard = entry.getValue().get(0).standard();
                effectParts.add(indicator + " 达到评价标准" + (standard == null ? "" : "（" + standard + "）"));
            }
        }
        if (estimateParts.size() > 1 && investment != null) {
            estimateParts.add("合计 " + plain(investment) + " 万元");
        }
        TreeSet<String> areas = new TreeSet<>();
        links.forEach(l -> areas.add(rule.groupBy().of(l.areaCode())));
        String areaName = areas.isEmpty() ? "" : String.join("、", areas.stream().map(areaNames).toList());
        String indicatorName = links.isEmpty() ? "" : links.get(0).indicatorNameZh();
        String scale = String.join("；", scaleParts);
        boolean timeLimited = links.stream().anyMatch(Link::timeLimited);
        UnaryOperator<String> fill = template -> template.replace("{area}", areaName)
                .replace("{indicator}", indicatorName).replace("{count}", String.valueOf(links.size()))
                .replace("{scale}", scale);
        return new Composition(fill.apply(rule.name() == null ? DEFAULT_NAME : rule.name()),
                fill.apply(rule.content() == null ? DEFAULT_CONTENT : rule.content()), List.copyOf(areas), scale,
                scaleParts.size() == 1 ? singleQuantity : null, scaleParts.size() == 1 ? singleUnit : null, investment,
                String.join("；", estimateParts), String.join("；", effectParts), timeLimited ? 1 : 2, timeLimited);
    }

    /** A number as shown in texts: {@code 432}, {@code 3.5} (no trailing zeros, no exponent). */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
