package org.tijian.intake.window;

import java.time.Instant;

/**
 * Whether a department may submit for a check year now.
 *
 * @param late the window has closed; accepted only with {@code overrideBy} set
 * @param overrideBy the administrator whose override lets a late submission in
 * @param boundary when the window opens (not yet open) or closed (late)
 */
public record WindowDecision(boolean open, boolean late, String overrideBy, Instant boundary) {

    public static WindowDecision always() {
        return new WindowDecision(true, false, null, null);
    }
}
