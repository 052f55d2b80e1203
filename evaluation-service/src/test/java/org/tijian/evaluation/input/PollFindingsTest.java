package org.tijian.evaluation.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.evaluation.result.ResultInputs.ReportedFinding;
import org.tijian.evaluation.result.ResultKey;

class PollFindingsTest {

    private static final String BUILDING = "360102001001001001";
    private static final ResultKey H02 = new ResultKey(2025, "H02", BUILDING);
    private static final ResultKey H03 = new ResultKey(2025, "H03", BUILDING);
    private static final Instant MORNING = Instant.parse("2025-05-01T08:00:00Z");

    private static FindingReported finding(UUID id, String indicator, String type, int revision, Instant at,
            String description) {
        return new FindingReported(id, 2025, indicator, BUILDING, type, "MAJOR", description, null, List.of(), "housing",
                "inspector", "FIELD_CHECK", UUID.randomUUID(), 1, revision, null, at);
    }

    @Test
    void perFindingTypeTheHighestRevisionThenTheLatestReportIsCurrentAndTypesAreOrdered() {
        FindingReported pipes = finding(UUID.randomUUID(), "H02", "RISER_PIPE", 1, MORNING, "立管锈蚀");
        FindingReported revised = finding(UUID.randomUUID(), "H02", "RISER_PIPE", 2, MORNING, "立管锈蚀（复核）");
        FindingReported alarmEarly = finding(UUID.randomUUID(), "H02", "ALARM", 1, MORNING, "未装报警器");
        FindingReported alarmLate = finding(UUID.randomUUID(), "H02", "ALARM", 1, MORNING.plusSeconds(60), "报警器失效");

        Map<ResultKey, List<ReportedFinding>> current = PollFindings.current(
                List.of(revised, pipes, alarmLate, alarmEarly), Set.of());

        assertThat(current.get(H02)).extracting(ReportedFinding::findingId)
                .containsExactly(alarmLate.findingId(), revised.findingId());
        assertThat(current.get(H02)).extracting(ReportedFinding::descriptionZh).containsExactly("报警器失效", "立管锈蚀（复核）");
    }

    @Test
    void aFindingDeliveredTwiceCountsOnceAndAFindingWithoutTypeHasTheEmptyOne() {
        FindingReported once = finding(UUID.randomUUID(), "H03", null, 1, MORNING, null);

        Map<ResultKey, List<ReportedFinding>> current = PollFindings.current(List.of(once, once), Set.of());

        assertThat(current.get(H03)).singleElement().satisfies(f -> {
            assertThat(f.findingId()).isEqualTo(once.findingId());
            assertThat(f.findingType()).isEmpty();
        });
    }

    @Test
    void keysWithAWithdrawalInThePollAreLeftToBeReadBack() {
        FindingReported gas = finding(UUID.randomUUID(), "H02", "RISER_PIPE", 1, MORNING, null);
        FindingReported stairs = finding(UUID.randomUUID(), "H03", "STAIRWELL_HAZARD", 1, MORNING, null);

        Map<ResultKey, List<ReportedFinding>> current = PollFindings.current(List.of(gas, stairs), Set.of(H02));

        assertThat(current).containsOnlyKeys(H03);
    }
}
