package org.tijian.intake.window;

import java.time.Instant;

/** When departments may submit data for one check year (报送期). */
public record SubmissionWindow(int checkYear, Instant opensAt, Instant closesAt, String updatedBy) {
}
