package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.RectificationClass;

class ClassingPolicyTest {

    private final ClassingPolicy policy = new ClassingPolicy(null, Set.of("H01"), List.of("安全", "健康"), 10L, Map.of("C08", "PARKING"), 60,
            Map.of("H02", 15));

    @Test
    void indicatorDefaultWithoutAnyReasonToRaiseIt() {
        var decision = policy.decide("C08", RectificationClass.BEST_EFFORT, null, "设施完善", 9);
        assertThat(decision.rectificationClass()).isEqualTo(RectificationClass.BEST_EFFORT);
        assertThat(decision.reason()).isEqualTo("INDICATOR_DEFAULT");
    }

    @Test
    void complaintsAtTheThresholdRaiseToTimeLimited() {
        var decision = policy.decide("C08", RectificationClass.BEST_EFFORT, null, "设施完善", 10);
        assertThat(decision.rectificationClass()).isEqualTo(RectificationClass.TIME_LIMITED);
        assertThat(decision.reason()).isEqualTo("COMPLAINTS:10");
    }

    @Test
    void complaintsDoNotCountForIndicatorsWithoutATopic() {
        assertThat(policy.decide("C09", RectificationClass.BEST_EFFORT, null, null, 1000).rectificationClass())
                .isEqualTo(RectificationClass.BEST_EFFORT);
    }

    @Test
    void safetyAndHealthFindingsAreTimeLimited() {
        assertThat(policy.decide("C09", RectificationClass.BEST_EFFORT, "SEVERE", null, 0).reason())
                .isEqualTo("SAFETY_SEVERITY:SEVERE");
        assertThat(policy.decide("C09", RectificationClass.BEST_EFFORT, "MINOR", null, 0).rectificationClass())
                .isEqualTo(RectificationClass.BEST_EFFORT);
        assertThat(policy.decide("H01", RectificationClass.BEST_EFFORT, null, null, 0).reason())
                .isEqualTo("SAFETY_INDICATOR");
        assertThat(policy.decide("H05", RectificationClass.BEST_EFFORT, null, "安全耐久", 0).reason())
                .isEqualTo("SAFETY_CATEGORY:安全耐久");
        assertThat(policy.decide("H06", RectificationClass.BEST_EFFORT, null, "健康舒适", 0).rectificationClass())
                .isEqualTo(RectificationClass.TIME_LIMITED);
    }

    @Test
    void byDefaultNoCategoryRaisesAProblem() {
        assertThat(ClassingPolicy.defaults().decide("U20", RectificationClass.BEST_EFFORT, null, "安全韧性", 0)
                .rectificationClass()).isEqualTo(RectificationClass.BEST_EFFORT);
    }

    @Test
    void timeLimitedProblemsGetTheIndicatorsDeadlineOrTheDefault() {
        LocalDate day = LocalDate.of(2025, 6, 1);
        assertThat(policy.deadline("H02", RectificationClass.TIME_LIMITED, day)).isEqualTo(day.plusDays(15));
        assertThat(policy.deadline("C08", RectificationClass.TIME_LIMITED, day)).isEqualTo(day.plusDays(60));
        assertThat(policy.deadline("C08", RectificationClass.BEST_EFFORT, day)).isNull();
        assertThat(ClassingPolicy.defaults().deadline("X", RectificationClass.TIME_LIMITED, day)).isEqualTo(day.plusDays(90));
    }
}
