package org.tijian.gateway.apikey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.tijian.gateway.GatewayError;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.Role;
import reactor.core.publisher.Mono;

/**
 * Exchanges a department's API key for a short-lived access token: the same claims a department's
 * OpenID Connect client would carry, signed by the gateway, plus {@code api_key} so the gateway can
 * refuse the token the moment its key is revoked.
 */
@Service
public class ApiKeyTokenService {

    public static final String API_KEY_CLAIM = "api_key";

    private final R2dbcApiKeys keys;
    private final R2dbcSigningKeys signingKeys;
    private final String issuer;
    private final Duration lifetime;

    ApiKeyTokenService(R2dbcApiKeys keys, R2dbcSigningKeys signingKeys,
            @Value("${tijian.security.api-key-issuer}") String issuer,
            @Value("${tijian.gateway.api-keys.token-lifetime:PT10M}") Duration lifetime) {
        this.keys = keys;
        this.signingKeys = signingKeys;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    Mono<IssuedToken> exchange(String presentedKey) {
        return Mono.justOrEmpty(ApiKeySecret.parse(presentedKey))
                .flatMap(keys::useActive)
                .switchIfEmpty(Mono.error(new TijianException(GatewayError.API_KEY_INVALID)))
                .flatMap(key -> signingKeys.current().map(signingKey -> {
                    Instant now = Instant.now();
                    JWTClaimsSet claims = new JWTClaimsSet.Builder()
                            .issuer(issuer)
                            .subject(key.subject())
                            .issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plus(lifetime)))
                            .jwtID(UUID.randomUUID().toString())
                            .claim("name", key.name())
                            .claim("roles", List.of(Role.DEPARTMENT_SUBMITTER.name()))
                            .claim("department", key.department())
                            .claim("areas", key.areas())
                            .claim(API_KEY_CLAIM, key.id().toString())
                            .build();
                    try {
                        SignedJWT jwt = new SignedJWT(
                                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
                        jwt.sign(new RSASSASigner(signingKey));
                        return new IssuedToken(jwt.serialize(), lifetime.toSeconds());
                    } catch (JOSEException e) {
                        throw new IllegalStateException("cannot sign an API-key token", e);
                    }
                }));
    }

    Mono<String> publicKeys() {
        return signingKeys.current().map(key -> new JWKSet(key.toPublicJWK()).toString(true));
    }

    /** The public key, for the gateway's own validation without a call to itself. */
    public Mono<RSAPublicKey> publicKey() {
        return signingKeys.current().map(key -> {
            try {
                return key.toRSAPublicKey();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Whether an API-key token's key still stands; a revoked key's tokens stop at once. */
    public Mono<Boolean> keyIsActive(String apiKeyId) {
        try {
            return keys.isActive(UUID.fromString(apiKeyId));
        } catch (IllegalArgumentException e) {
            return Mono.just(false);
        }
    }

    public String issuer() {
        return issuer;
    }
}
