package org.tijian.kit.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * The token issuers a service accepts: the OpenID Connect provider (Keycloak, or standalone mode's
 * development issuer) and, when configured, the gateway, which signs short-lived tokens for
 * departments' API keys. A token from any other issuer is refused (401), whoever signed it.
 *
 * @param apiKeyIssuer the gateway's issuer, {@code tijian.security.api-key-issuer}; blank: not accepted
 * @param apiKeyJwkSetUri where the gateway publishes its key; blank: {@code <apiKeyIssuer>/jwks}
 */
public record TrustedIssuers(String issuer, String jwkSetUri, String apiKeyIssuer, String apiKeyJwkSetUri) {

    public boolean acceptsApiKeyTokens() {
        return apiKeyIssuer != null && !apiKeyIssuer.isBlank();
    }

    public String apiKeyJwks() {
        return apiKeyJwkSetUri == null || apiKeyJwkSetUri.isBlank() ? apiKeyIssuer + "/jwks" : apiKeyJwkSetUri;
    }

    /** Picks the authentication manager by the token's {@code iss}, before any signature is checked. */
    public JwtIssuerReactiveAuthenticationManagerResolver resolver() {
        return resolver(Map.of());
    }

    /** As {@link #resolver()}, with some issuers' managers replaced (the gateway checks API key revocation). */
    public JwtIssuerReactiveAuthenticationManagerResolver resolver(Map<String, ReactiveAuthenticationManager> replaced) {
        Map<String, ReactiveAuthenticationManager> managers = new LinkedHashMap<>();
        managers.put(issuer, manager(decoder(issuer, jwkSetUri)));
        if (acceptsApiKeyTokens()) {
            managers.put(apiKeyIssuer, manager(decoder(apiKeyIssuer, apiKeyJwks())));
        }
        managers.putAll(replaced);
        return new JwtIssuerReactiveAuthenticationManagerResolver(
                candidate -> reactor.core.publisher.Mono.justOrEmpty(managers.get(candidate)));
    }

    public static ReactiveJwtDecoder decoder(String issuer, String jwkSetUri) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    /** Validates with {@code decoder} and maps the token's roles as every Tijian service does. */
    public static JwtReactiveAuthenticationManager manager(ReactiveJwtDecoder decoder) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(TijianSecurityConfiguration.jwtAuthenticationConverter());
        return manager;
    }
}
