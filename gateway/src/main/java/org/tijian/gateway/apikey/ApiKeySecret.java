package org.tijian.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as a department holds it: {@code tjk_<id>_<secret>}. The id finds the stored key, the
 * 256-bit random secret proves possession; only its SHA-256 is stored (a secret this long needs no
 * slow hash).
 */
public record ApiKeySecret(UUID id, String secret) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("tjk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");

    public static ApiKeySecret generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ApiKeySecret(UUID.randomUUID(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    public static Optional<ApiKeySecret> parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        String hex = matcher.group(1);
        UUID id = new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        return Optional.of(new ApiKeySecret(id, matcher.group(2)));
    }

    public String text() {
        return "tjk_" + id.toString().replace("-", "") + "_" + secret;
    }

    public byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Constant-time comparison with a stored hash. */
    public boolean matches(byte[] storedSha256) {
        return MessageDigest.isEqual(sha256(), storedSha256);
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + id + ", secret hidden]";
    }
}
