package org.tijian.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the platform over HTTP (through the gateway, or a service directly), as a client would. */
final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postFile(String path, String contentType, java.nio.file.Path file) {
        return postFile(path, contentType, file, Map.of());
    }

    /** @param headers more request headers, e.g. {@code Idempotency-Key} */
    Response postFile(String path, String contentType, java.nio.file.Path file, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = request(path).timeout(Duration.ofMinutes(2)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(file));
            headers.forEach(request::header);
            return send(request);
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any method, with a JSON body (starting with a brace) or a CSV one, or none. */
    Response send(String method, String path) {
        return send(method, path, null);
    }

    Response send(String method, String path, String body) {
        HttpRequest.Builder request = request(path);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", body.startsWith("{") || body.startsWith("[") ? "application/json" : "text/csv")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, Map<String, List<String>> headers) {

        Response(int status, String body) {
            this(status, body, Map.of());
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
