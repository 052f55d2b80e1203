package org.tijian.kit.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tijian.kit.error.CommonError;
import org.tijian.kit.error.TijianException;

/**
 * Who is calling, read from the access token's claims: {@code sub}, {@code name} (or
 * {@code preferred_username}), {@code roles} (or {@code realm_access.roles}), {@code department},
 * {@code areas} (area codes whose subtrees the user may touch) and {@code unit}.
 */
public record TijianUser(String subject, String name, Set<Role> roles, String department, List<String> areas,
        String unit) {

    public static TijianUser fromClaims(Map<String, Object> claims) {
        String subject = String.valueOf(claims.get("sub"));
        Object name = claims.getOrDefault("name", claims.getOrDefault("preferred_username", subject));
        return new TijianUser(subject, String.valueOf(name), roles(claims), text(claims.get("department")),
                strings(claims.get("areas")), text(claims.get("unit")));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether {@code areaCode} lies in one of the user's subtrees (area codes extend their parent's). */
    public boolean worksOn(String areaCode) {
        return areaCode != null && areas.stream().anyMatch(areaCode::startsWith);
    }

    /** Refuses (403, {@code COMMON_E0430}) to read or change an area outside the user's subtrees. */
    public void requireWorksOn(String areaCode) {
        if (!worksOn(areaCode)) {
            throw new TijianException(CommonError.AREA_NOT_YOURS, areaCode);
        }
    }

    /** {@link #requireWorksOn} for the caller of a request, read from its access token's claims. */
    public static void requireWorksOn(Map<String, Object> claims, String areaCode) {
        fromClaims(claims).requireWorksOn(areaCode);
    }

    static Set<Role> roles(Map<String, Object> claims) {
        Object roles = claims.get("roles");
        if (roles == null && claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
            roles = realmAccess.get("roles");
        }
        return strings(roles).stream()
                .filter(TijianUser::isKnownRole)
                .map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean isKnownRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return List.of(text.split("[,\\s]+"));
        }
        return List.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
