package org.tijian.ledger.problem;

import java.util.Set;
import java.util.stream.Collectors;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.TijianUser;

/**
 * Who may read and change which problems. Officials (市级/区县管理人员) see and change the problems of their areas'
 * subtrees; a responsible unit (责任单位) sees and works on the problems assigned to its unit; a provincial reviewer
 * and an administrator read everything; only an administrator changes anywhere. Denials are 403 with a reason.
 */
public final class LedgerAccess {

    private static final Set<Role> OFFICIALS = Set.of(Role.CITY_OFFICIAL, Role.DISTRICT_OFFICIAL);
    private static final Set<Role> READ_ALL = Set.of(Role.ADMINISTRATOR, Role.PROVINCIAL_REVIEWER);

    /** Throws unless {@code user} may take {@code action} on {@code problem}. */
    public static void checkAction(TijianUser user, Problem problem, Action action) {
        if (user.has(Role.ADMINISTRATOR)) {
            return;
        }
        boolean official = OFFICIALS.stream().anyMatch(user::has);
        if (official) {
            checkArea(user, problem.areaCode());
            return;
        }
        if (action.kind() == Action.Kind.UNIT && user.has(Role.RESPONSIBLE_UNIT)) {
            if (user.unit() == null || !user.unit().equals(problem.responsibleUnit())) {
                throw new TijianException(LedgerError.NOT_YOUR_UNIT, problem.responsibleUnit(), user.unit());
            }
            return;
        }
        throw new TijianException(LedgerError.ROLE_NOT_ALLOWED, roles(user), action);
    }

    /** Throws unless {@code user} may see {@code problem}. */
    public static void checkRead(TijianUser user, Problem problem) {
        if (READ_ALL.stream().anyMatch(user::has)) {
            return;
        }
        if (OFFICIALS.stream().anyMatch(user::has)) {
            checkArea(user, problem.areaCode());
            return;
        }
        if (user.has(Role.RESPONSIBLE_UNIT)) {
            if (user.unit() == null || !user.unit().equals(problem.responsibleUnit())) {
                throw new TijianException(LedgerError.NOT_YOUR_UNIT, problem.responsibleUnit(), user.unit());
            }
            return;
        }
        throw new TijianException(LedgerError.ROLE_NOT_ALLOWED, roles(user), "read problems");
    }

    /**
     * The query narrowed to what {@code user} may see: an official's area must lie in their subtrees (the only area
     * is taken when none is asked for); a unit sees its own unit's problems.
     */
    public static ProblemQuery scope(TijianUser user, ProblemQuery query) {
        if (READ_ALL.stream().anyMatch(user::has)) {
            return query;
        }
        if (OFFICIALS.stream().anyMatch(user::has)) {
            String area = query.areaCode();
            if (area == null && user.areas().size() == 1) {
                area = user.areas().get(0);
            }
            if (area == null) {
                throw new TijianException(LedgerError.BAD_QUERY, "areaCode is required: you have several areas");
            }
            checkArea(user, area);
            return new ProblemQuery(area, query.checkYear(), query.dimension(), query.rectificationClass(),
                    query.status(), query.responsibleUnit(), query.overdue(), query.page(), query.size(), query.order());
        }
        if (user.has(Role.RESPONSIBLE_UNIT) && user.unit() != null) {
            if (query.responsibleUnit() != null && !query.responsibleUnit().equals(user.unit())) {
                throw new TijianException(LedgerError.NOT_YOUR_UNIT, query.responsibleUnit(), user.unit());
            }
            return new ProblemQuery(query.areaCode(), query.checkYear(), query.dimension(), query.rectificationClass(),
                    query.status(), user.unit(), query.overdue(), query.page(), query.size(), query.order());
        }
        throw new TijianException(LedgerError.ROLE_NOT_ALLOWED, roles(user), "read problems");
    }

    /** Throws unless {@code user} may act for the whole subtree of {@code areaCode} as an official (or administrator). */
    public static void checkOfficialOf(TijianUser user, String areaCode, Set<Role> officialRoles, String what) {
        if (user.has(Role.ADMINISTRATOR)) {
            return;
        }
        if (officialRoles.stream().noneMatch(user::has)) {
            throw new TijianException(LedgerError.ROLE_NOT_ALLOWED, roles(user), what);
        }
        checkArea(user, areaCode);
    }

    /** Throws unless {@code user} may read figures of the subtree of {@code areaCode}. */
    public static void checkReadArea(TijianUser user, String areaCode) {
        if (READ_ALL.stream().anyMatch(user::has)) {
            return;
        }
        checkOfficialOf(user, areaCode, OFFICIALS, "read ledger figures");
    }

    private static void checkArea(TijianUser user, String areaCode) {
        if (!user.worksOn(areaCode)) {
            throw new TijianException(LedgerError.AREA_NOT_YOURS, areaCode);
        }
    }

    private static String roles(TijianUser user) {
        return user.roles().isEmpty() ? "-" : user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private LedgerAccess() {
    }
}
