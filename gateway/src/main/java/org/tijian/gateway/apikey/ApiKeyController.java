package org.tijian.gateway.apikey;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tijian.gateway.GatewayError;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Departments' API keys: administrators issue, list and revoke them; a department exchanges its key
 * for a short-lived token at {@code POST /auth/api-keys/token} and calls the APIs with that token.
 */
@RestController
class ApiKeyController {

    private final R2dbcApiKeys keys;
    private final ApiKeyTokenService tokens;

    ApiKeyController(R2dbcApiKeys keys, ApiKeyTokenService tokens) {
        this.keys = keys;
        this.tokens = tokens;
    }

    record IssueRequest(String name, String department, List<String> areas) {
    }

    /** The only answer that contains the key itself. */
    record IssuedKey(String key, ApiKey apiKey) {
    }

    record Revocation(String reason) {
    }

    @PostMapping("/api/gateway/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Mono<IssuedKey> issue(@RequestBody IssueRequest request, @AuthenticationPrincipal Jwt admin) {
        if (blank(request.name()) || blank(request.department()) || request.areas() == null || request.areas().isEmpty()
                || request.areas().stream().anyMatch(a -> !a.matches("\\d{2,12}"))) {
            return Mono.error(new TijianException(GatewayError.API_KEY_REQUEST_INVALID,
                    "name, department and areas (area codes) are required"));
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        return keys.insert(secret, request.name().trim(), request.department().trim(), request.areas(), admin.getSubject())
                .map(key -> new IssuedKey(secret.text(), key));
    }

    @GetMapping("/api/gateway/api-keys")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OPERATOR')")
    Flux<ApiKey> list() {
        return keys.all();
    }

    @PostMapping("/api/gateway/api-keys/{id}/revocation")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Mono<ApiKey> revoke(@PathVariable UUID id, @RequestBody Revocation revocation, @AuthenticationPrincipal Jwt admin) {
        if (revocation == null || blank(revocation.reason())) {
            return Mono.error(new TijianException(GatewayError.API_KEY_REQUEST_INVALID, "a reason is required"));
        }
        return keys.revoke(id, admin.getSubject(), revocation.reason().trim())
                .switchIfEmpty(Mono.error(new TijianException(GatewayError.API_KEY_NOT_FOUND, id)));
    }

    /** {@code X-API-Key: tjk_…}, or the form field {@code api_key} (OAuth2 client-credentials style). */
    @PostMapping(path = "/auth/api-keys/token", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> token(@RequestHeader(name = "X-API-Key", required = false) String header,
            ServerWebExchange exchange) {
        Mono<String> presented = header != null
                ? Mono.just(header)
                : exchange.getFormData().mapNotNull((MultiValueMap<String, String> form) -> form.getFirst("api_key"));
        return presented.defaultIfEmpty("")
                .flatMap(tokens::exchange)
                .map(token -> Map.of("access_token", token.accessToken(), "token_type", "Bearer",
                        "expires_in", token.expiresInSeconds()));
    }

    @GetMapping(path = "/auth/api-keys/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> jwks() {
        return tokens.publicKeys();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
