package org.tijian.kit.security.dev;

import java.util.List;
import org.tijian.kit.security.Role;

/** A user the development token issuer can sign tokens for. */
public record DemoUser(String username, String name, List<Role> roles, String department, List<String> areas,
        String unit) {

    /** The demo users of standalone mode, one or more per role, in Jiangxi's Nanchang (3601). */
    public static List<DemoUser> standalone() {
        return List.of(
                new DemoUser("admin", "系统管理员", List.of(Role.ADMINISTRATOR), null, List.of("36"), null),
                new DemoUser("water-dept", "南昌市水务局", List.of(Role.DEPARTMENT_SUBMITTER), "water", List.of("3601"), null),
                new DemoUser("housing-dept", "南昌市住房和城乡建设局", List.of(Role.DEPARTMENT_SUBMITTER), "housing",
                        List.of("3601"), null),
                new DemoUser("urban-dept", "南昌市城市管理局", List.of(Role.DEPARTMENT_SUBMITTER), "urban-management",
                        List.of("3601"), null),
                new DemoUser("fire-dept", "南昌市消防救援支队", List.of(Role.DEPARTMENT_SUBMITTER), "fire-rescue",
                        List.of("3601"), null),
                new DemoUser("sports-dept", "南昌市体育局", List.of(Role.DEPARTMENT_SUBMITTER), "sports", List.of("3601"), null),
                new DemoUser("emergency-dept", "南昌市应急管理局", List.of(Role.DEPARTMENT_SUBMITTER), "emergency",
                        List.of("3601"), null),
                new DemoUser("nanchang-official", "南昌市城市体检工作专班", List.of(Role.CITY_OFFICIAL), null,
                        List.of("3601"), null),
                new DemoUser("donghu-official", "东湖区城市体检工作专班", List.of(Role.DISTRICT_OFFICIAL), null,
                        List.of("360102"), null),
                new DemoUser("water-unit", "南昌市水务局（责任单位）", List.of(Role.RESPONSIBLE_UNIT), null, List.of("3601"),
                        "water"),
                new DemoUser("approver", "南昌市政府常务会议", List.of(Role.PROJECT_APPROVER), null, List.of("3601"), null),
                new DemoUser("province-reviewer", "江西省住房和城乡建设厅", List.of(Role.PROVINCIAL_REVIEWER), null,
                        List.of("36"), null),
                new DemoUser("operator", "运维值班", List.of(Role.OPERATOR), null, List.of(), null));
    }
}
