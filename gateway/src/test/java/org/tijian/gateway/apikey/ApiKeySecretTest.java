package org.tijian.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void aKeyReadsBackAsItsIdAndSecret() {
        ApiKeySecret key = ApiKeySecret.generate();

        assertThat(ApiKeySecret.parse(key.text())).contains(key);
        assertThat(key.text()).matches("tjk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");
    }

    @Test
    void onlyTheSameSecretMatchesTheStoredHash() {
        ApiKeySecret key = ApiKeySecret.generate();
        ApiKeySecret guess = new ApiKeySecret(key.id(), ApiKeySecret.generate().secret());

        assertThat(key.matches(key.sha256())).isTrue();
        assertThat(guess.matches(key.sha256())).isFalse();
    }

    @Test
    void malformedKeysAreNotKeys() {
        assertThat(ApiKeySecret.parse("tjk_guess")).isEmpty();
        assertThat(ApiKeySecret.parse(null)).isEmpty();
        assertThat(ApiKeySecret.parse("Bearer abc")).isEmpty();
    }

    @Test
    void theSecretNeverShowsInLogs() {
        ApiKeySecret key = ApiKeySecret.generate();

        assertThat(key.toString()).doesNotContain(key.secret());
    }
}
