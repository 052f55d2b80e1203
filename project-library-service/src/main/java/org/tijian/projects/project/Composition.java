package org.tijian.projects.project;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a project's linked problems make of it: computed by the drafting policy whenever its problems change.
 *
 * @param scale 规模 as shown, e.g. {@code 36 栋} or {@code 420 个车位}
 * @param scaleQuantity the scale as a number when it has one unit (weights progress), else null
 * @param investmentWan 投资估算 in 万元, null when no unit cost applies
 * @param estimate the calculation shown, e.g. {@code 36 栋 × 12 万元/栋 = 432 万元}
 * @param expectedEffect 预期效果, e.g. {@code H02 −36}
 * @param priority 1 when any problem is TIME_LIMITED (限时解决), else 2
 */
public record Composition(
        String name,
        String constructionContent,
        List<String> areaCodes,
        String scale,
        BigDecimal scaleQuantity,
        String scaleUnit,
        BigDecimal investmentWan,
        String estimate,
        String expectedEffect,
        int priority,
        boolean timeLimited) {
}
