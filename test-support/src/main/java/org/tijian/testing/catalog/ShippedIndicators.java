package org.tijian.testing.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tijian.contracts.catalog.IndicatorDefined;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 61 national basic indicators as the evaluation service ships and publishes them, read from its
 * seed file in the source tree, so that other services' tests can fill their catalog copies with the
 * real catalog instead of a hand-made imitation.
 */
public final class ShippedIndicators {

    private static final Path SEED = Path.of("evaluation-service/src/main/resources/catalog/national-basic-indicators.json");

    public static List<IndicatorDefined> all() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode root = json.readTree(locate().toFile());
        List<IndicatorDefined> indicators = new ArrayList<>();
        for (JsonNode indicator : root.get("indicators")) {
            indicators.add(json.treeToValue(indicator, IndicatorDefined.class));
        }
        return indicators;
    }

    /** Tests run in a module's directory; the seed is in a sibling module. */
    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(SEED);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find " + SEED + " above " + Path.of("").toAbsolutePath());
    }

    private ShippedIndicators() {
    }
}
