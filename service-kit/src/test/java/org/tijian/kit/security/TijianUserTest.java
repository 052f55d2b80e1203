package org.tijian.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TijianUserTest {

    @Test
    void readsTijianClaims() {
        TijianUser user = TijianUser.fromClaims(Map.of("sub", "water-dept", "name", "南昌市水务局",
                "roles", List.of("DEPARTMENT_SUBMITTER", "SOMETHING_ELSE"), "department", "water",
                "areas", List.of("3601", "3602")));

        assertThat(user.roles()).containsExactly(Role.DEPARTMENT_SUBMITTER);
        assertThat(user.department()).isEqualTo("water");
        assertThat(user.areas()).containsExactly("3601", "3602");
        assertThat(user.name()).isEqualTo("南昌市水务局");
        assertThat(user.unit()).isNull();
    }

    @Test
    void readsKeycloakRealmRolesAndSpaceSeparatedAreas() {
        TijianUser user = TijianUser.fromClaims(Map.of("sub", "u1", "preferred_username", "li",
                "realm_access", Map.of("roles", List.of("CITY_OFFICIAL", "offline_access")), "areas", "3601 3602"));

        assertThat(user.has(Role.CITY_OFFICIAL)).isTrue();
        assertThat(user.roles()).hasSize(1);
        assertThat(user.areas()).containsExactly("3601", "3602");
        assertThat(user.name()).isEqualTo("li");
    }
}
