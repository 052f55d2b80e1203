package org.tijian.projects.project;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.TijianUser;

/**
 * Who may read and change which projects. City officials (市级管理人员) of the city's subtree edit, merge, split, add,
 * submit, issue and cancel; the approver (项目审批人, the executive meeting) approves and returns; a responsible unit
 * starts, reports progress on and completes only the projects of its department (its {@code unit} claim), as may
 * city officials; district officials and approvers read their areas, units their projects, provincial reviewers and
 * administrators everything; an administrator may do anything. Denials are 403 with a reason.
 */
public final class ProjectAccess {

    private static final Set<Role> READ_AREA = Set.of(Role.CITY_OFFICIAL, Role.DISTRICT_OFFICIAL, Role.PROJECT_APPROVER);
    private static final Set<Role> READ_ALL = Set.of(Role.ADMINISTRATOR, Role.PROVINCIAL_REVIEWER);

    /** Throws unless {@code user} may take {@code action} on a project in {@code areas} of {@code department}. */
    public static void checkAction(TijianUser user, Collection<String> areas, String department, Action action) {
        if (user.has(Role.ADMINISTRATOR)) {
            return;
        }
        switch (action.kind()) {
            case OFFICIAL -> {
                requireRole(user, Role.CITY_OFFICIAL, action);
                checkAreas(user, areas);
            }
            case APPROVER -> {
                requireRole(user, Role.PROJECT_APPROVER, action);
                checkAreas(user, areas);
            }
            case UNIT -> {
                if (user.has(Role.CITY_OFFICIAL)) {
                    checkAreas(user, areas);
                } else if (user.has(Role.RESPONSIBLE_UNIT)) {
                    checkDepartment(user, department);
                } else {
                    throw new TijianException(ProjectError.ROLE_NOT_ALLOWED, roles(user), action);
                }
            }
            default -> throw new TijianException(ProjectError.ROLE_NOT_ALLOWED, roles(user), action);
        }
    }

    public static void checkAction(TijianUser user, Project project, Action action) {
        checkAction(user, project.areaCodes(), project.department(), action);
    }

    /** Throws unless {@code user} may see {@code project}. */
    public static void checkRead(TijianUser user, Project project) {
        if (READ_ALL.stream().anyMatch(user::has)) {
            return;
        }
        if (READ_AREA.stream().anyMatch(user::has)) {
            if (project.areaCodes().stream().noneMatch(a -> user.worksOn(a))) {
                throw new TijianException(ProjectError.AREA_NOT_YOURS, String.join(",", project.areaCodes()));
            }
            return;
        }
        if (user.has(Role.RESPONSIBLE_UNIT)) {
            checkDepartment(user, project.department());
            return;
        }
        throw new TijianException(ProjectError.ROLE_NOT_ALLOWED, roles(user), "read projects");
    }

    /** The query narrowed to what {@code user} may see. */
    public static ProjectQuery scope(TijianUser user, ProjectQuery q) {
        if (READ_ALL.stream().anyMatch(user::has)) {
            return q;
        }
        if (READ_AREA.stream().anyMatch(user::has)) {
            String area = q.areaCode();
            if (area == null && user.areas().size() == 1) {
                area = user.areas().get(0);
            }
            if (area == null) {
                throw new TijianException(ProjectError.BAD_QUERY, "areaCode is required: you have several areas");
            }
            checkAreas(user, Set.of(area));
            return new ProjectQuery(area, q.planYear(), q.status(), q.type(), q.department(), q.limit(), q.offset());
        }
        if (user.has(Role.RESPONSIBLE_UNIT) && user.unit() != null) {
            if (q.department() != null && !q.department().equals(user.unit())) {
                throw new TijianException(ProjectError.NOT_YOUR_DEPARTMENT, q.department(), user.unit());
            }
            return new ProjectQuery(q.areaCode(), q.planYear(), q.status(), q.type(), user.unit(), q.limit(), q.offset());
        }
        throw new TijianException(ProjectError.ROLE_NOT_ALLOWED, roles(user), "read projects");
    }

    private static void requireRole(TijianUser user, Role role, Action action) {
        if (!user.has(role)) {
            throw new TijianException(ProjectError.ROLE_NOT_ALLOWED, roles(user), action);
        }
    }

    private static void checkDepartment(TijianUser user, String department) {
        if (user.unit() == null || !user.unit().equals(department)) {
            throw new TijianException(ProjectError.NOT_YOUR_DEPARTMENT, department, user.unit());
        }
    }

    private static void checkAreas(TijianUser user, Collection<String> areas) {
        for (String area : areas) {
            if (!user.worksOn(area)) {
                throw new TijianException(ProjectError.AREA_NOT_YOURS, area);
            }
        }
    }

    private static String roles(TijianUser user) {
        return user.roles().isEmpty() ? "-" : user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private ProjectAccess() {
    }
}
