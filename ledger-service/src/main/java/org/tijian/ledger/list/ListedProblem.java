package org.tijian.ledger.list;

import java.math.BigDecimal;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;

/**
 * One problem as the lists show it: what failed, where (the names along its area's path), how it is classed and who
 * fixes it. {@code compoundBuildings} is the number of buildings of the problem's compound, for the housing lists'
 * share (null when not known).
 */
public record ListedProblem(
        Dimension dimension,
        String indicatorCode,
        String indicatorNameZh,
        BigDecimal value,
        String unit,
        String standard,
        String description,
        RectificationClass rectificationClass,
        String suggestion,
        String rectificationArea,
        String responsibleUnit,
        AreaLevel areaLevel,
        String areaCode,
        String areaName,
        String street,
        String community,
        String compound,
        String compoundCode,
        Long compoundBuildings) {

    boolean building() {
        return areaLevel == AreaLevel.BUILDING;
    }

    /** Where the problem is, from the street down (问题分布/落位). */
    String location() {
        StringBuilder where = new StringBuilder();
        for (String part : new String[] {street, community, compound, building() ? areaName : null}) {
            if (part != null && !part.isBlank()) {
                where.append(where.length() == 0 ? "" : " / ").append(part);
            }
        }
        return where.length() == 0 ? (areaName != null ? areaName : areaCode) : where.toString();
    }
}
