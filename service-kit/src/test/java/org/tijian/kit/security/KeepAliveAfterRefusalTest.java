package org.tijian.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Every service refuses an unauthenticated or unauthorized POST (401, 403) before reading its body,
 * and clients (the gateway, departments' systems, WebTestClient) keep the connection alive for the
 * next request. Reactor Netty before 1.3.8 stopped reading such a connection when the refused request
 * had been queued behind an unfinished one (reactor/reactor-netty#4361): the next request hung until
 * the client gave up. This pins the version the root pom chooses, on the server every service runs.
 */
class KeepAliveAfterRefusalTest {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length: *(\\d+)");

    private DisposableServer server;

    @BeforeEach
    void start() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/slow", (request, response) -> response.sendString(
                                Mono.delay(Duration.ofMillis(100)).thenReturn("done")))
                        .post("/refused", (request, response) -> response.status(401).sendString(Mono.just("refused")))
                        .get("/next", (request, response) -> response.sendString(Mono.just("next"))))
                .bindNow(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void aPostRefusedBeforeItsBodyWasReadDoesNotStallTheConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            String body = "{\"value\": 64}";
            send(socket, "GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "POST /refused HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body);
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("done");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 401").endsWith("refused");

            send(socket, "GET /next HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(readResponse(socket.getInputStream()))
                    .as("the request after the refused POST, on the same connection")
                    .startsWith("HTTP/1.1 200").endsWith("next");
        }
    }

    private static void send(Socket socket, String requests) throws IOException {
        socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** One response with a Content-Length body, as Reactor Netty sends a single-value {@code Mono}. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("connection closed after " + head);
            }
            head.write(next);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        Matcher length = CONTENT_LENGTH.matcher(headers);
        assertThat(length.find()).as("Content-Length in %s", headers).isTrue();
        return headers + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
    }
}
