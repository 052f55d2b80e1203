package org.tijian.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A small demo city for {@code --demo}: observations of Nanchang (3601) and three of its districts,
 * some meeting their standard and some not, sent through the gateway as the water department
 * would. Loaded once per data folder; the marker file {@code demo-loaded} records it.
 */
public final class DemoCity {

    static final String MARKER = "demo-loaded";
    static final String SUBMITTER = "water-dept";
    static final int CHECK_YEAR = 2025;

    /** Standards: U01 and U03 >=70 %, U04 >=3.2, U07 >=8, U24 >=75 %, U26 >=2. */
    static final List<Observation> OBSERVATIONS = List.of(
            new Observation("3601", "U01", "64", "%"),            // sewage collection: fails
            new Observation("360102", "U01", "78", "%"),
            new Observation("360103", "U01", "66", "%"),          // fails
            new Observation("360104", "U01", "71", "%"),
            new Observation("3601", "U03", "58", "%"),            // greenway coverage: fails
            new Observation("3601", "U04", "2.1", "平方米/人"),     // sports area per capita: fails
            new Observation("3601", "U07", "7.2", "公里/平方公里"),  // road density: fails
            new Observation("360104", "U07", "8.6", "公里/平方公里"),
            new Observation("3601", "U24", "80", "%"),            // fire-station coverage
            new Observation("360102", "U24", "72", "%"),          // fails
            new Observation("3601", "U26", "2.4", "平方米/人"),     // shelter area per capita
            new Observation("360103", "U26", "1.6", "平方米/人"));  // fails

    private DemoCity() {
    }

    /** One observation as the intake API takes it; {@code value} is a JSON number. */
    record Observation(String areaCode, String dataElement, String value, String unit) {

        String json(int checkYear) {
            return "{\"checkYear\":" + checkYear + ",\"areaCode\":\"" + areaCode + "\",\"dataElement\":\""
                    + dataElement + "\",\"value\":" + value + ",\"unit\":\"" + unit + "\"}";
        }
    }

    /**
     * Loads the demo city unless this data folder has it already.
     *
     * @return how many observations were loaded; 0 if they had been before
     */
    public static int loadOnce(Platform platform) {
        Path marker = platform.dataDir().resolve(MARKER);
        if (Files.exists(marker)) {
            return 0;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(platform.gatewayUrl() + "/api/intake/observations");
        String token = platform.tokenFor(SUBMITTER);
        for (Observation observation : OBSERVATIONS) {
            post(http, uri, token, observation);
        }
        try {
            Files.writeString(marker, "loaded " + OBSERVATIONS.size() + " observations at " + Instant.now()
                    + "; delete this file to load them again\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
        return OBSERVATIONS.size();
    }

    private static void post(HttpClient http, URI uri, String token, Observation observation) {
        String body = observation.json(CHECK_YEAR);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new IllegalStateException("the demo city was not loaded: POST " + uri + " " + body + " answered "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the demo city was not loaded: POST " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the demo city", e);
        }
    }
}
