package org.tijian.kit.security.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token issuer for standalone mode and tests: it signs RS256 JWTs for demo users and serves its
 * public key as a JWK set, so services validate tokens exactly as they would Keycloak's. It exists
 * only in standalone mode and tests; production points services at a real OpenID Connect provider.
 *
 * <p>Endpoints: {@code GET /oauth2/jwks}, {@code GET /.well-known/openid-configuration},
 * {@code GET /users}, {@code POST /token} with form field {@code username}.
 */
public final class DevTokenIssuer implements AutoCloseable {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private final RSAKey key;
    private final Map<String, DemoUser> users;
    private final HttpServer server;
    private final String issuer;
    private final JsonMapper json = JsonMapper.builder().build();

    private DevTokenIssuer(RSAKey key, List<DemoUser> users, HttpServer server) {
        this.key = key;
        this.users = users.stream().collect(Collectors.toMap(DemoUser::username, u -> u, (a, b) -> a, LinkedHashMap::new));
        this.server = server;
        this.issuer = "http://localhost:" + server.getAddress().getPort();
        server.createContext("/oauth2/jwks", this::jwks);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/users", this::listUsers);
        server.createContext("/token", this::token);
        server.start();
    }

    /**
     * Starts the issuer on loopback.
     *
     * @param port 0 for any free port
     * @param keyFile where the signing key is kept, so tokens survive a restart; null for a fresh key
     */
    public static DevTokenIssuer start(int port, Path keyFile, List<DemoUser> users) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            return new DevTokenIssuer(loadOrCreateKey(keyFile), users, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the development token issuer on port " + port, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String tokenFor(String username) {
        DemoUser user = users.get(username);
        if (user == null) {
            throw new IllegalArgumentException("no demo user " + username + "; known: " + users.keySet());
        }
        return tokenFor(user, DEFAULT_LIFETIME);
    }

    public String tokenFor(DemoUser user, Duration lifetime) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", user.username());
        claims.put("name", user.name());
        claims.put("preferred_username", user.username());
        claims.put("roles", user.roles().stream().map(Enum::name).toList());
        claims.put("areas", user.areas());
        if (user.department() != null) {
            claims.put("department", user.department());
        }
        if (user.unit() != null) {
            claims.put("unit", user.unit());
        }
        return sign(claims, Instant.now(), lifetime, issuer);
    }

    /** Signs any claims; tests use it for expired or wrong-issuer tokens. */
    public String sign(Map<String, Object> claims, Instant issuedAt, Duration lifetime, String tokenIssuer) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(tokenIssuer)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    public List<DemoUser> users() {
        return List.copyOf(users.values());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString(true));
    }

    private void discovery(HttpExchange exchange) throws IOException {
        respond(exchange, 200, json.writeValueAsString(Map.of(
                "issuer", issuer,
                "jwks_uri", jwkSetUri(),
                "token_endpoint", issuer + "/token",
                "grant_types_supported", List.of("password"))));
    }

    private void listUsers(HttpExchange exchange) throws IOException {
        respond(exchange, 200, json.writeValueAsString(users.values()));
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"use POST with form field username\"}");
            return;
        }
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String username = form.getOrDefault("username", form.get("client_id"));
        DemoUser user = username == null ? null : users.get(username);
        if (user == null) {
            respond(exchange, 400, json.writeValueAsString(Map.of(
                    "error", "invalid_grant",
                    "error_description", "unknown user " + username + "; demo users: " + users.keySet())));
            return;
        }
        respond(exchange, 200, json.writeValueAsString(Map.of(
                "access_token", tokenFor(user, DEFAULT_LIFETIME),
                "token_type", "Bearer",
                "expires_in", DEFAULT_LIFETIME.toSeconds())));
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static RSAKey loadOrCreateKey(Path keyFile) {
        try {
            if (keyFile != null && Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile));
            }
            RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            if (keyFile != null) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Files.writeString(keyFile, generated.toJSONString());
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot load or create the signing key " + keyFile, e);
        }
    }
}
