package org.tijian.gateway.apikey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The RSA key API-key tokens are signed with. A deployment may provide it (a JWK from a Secret);
 * otherwise the first replica to start stores a generated one and every replica uses the oldest
 * stored key, so tokens from one replica validate at every other.
 */
@Repository
class R2dbcSigningKeys {

    private final Mono<RSAKey> key;

    R2dbcSigningKeys(DatabaseClient db, @Value("${tijian.gateway.api-keys.signing-key:}") String providedJwk) {
        Mono<RSAKey> stored = Mono.defer(() -> {
                    RSAKey generated = generate();
                    return db.sql("insert into signing_key (id, jwk) values (:id, :jwk) on conflict do nothing")
                            .bind("id", generated.getKeyID()).bind("jwk", generated.toJSONString())
                            .fetch().rowsUpdated();
                })
                .then(db.sql("select jwk from signing_key order by created_at, id limit 1")
                        .map((row, meta) -> parse(row.get("jwk", String.class))).one());
        this.key = (providedJwk.isBlank() ? stored : Mono.fromCallable(() -> parse(providedJwk))).cache();
    }

    Mono<RSAKey> current() {
        return key;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the API-key signing key", e);
        }
    }

    private static RSAKey parse(String jwk) {
        try {
            return RSAKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("the API-key signing key is not an RSA JWK", e);
        }
    }
}
