package org.tijian.projects.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Small builders of projects and links for unit tests. */
public final class Projects {

    public static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    public static Link link(String indicator, String area, String quantity, boolean timeLimited) {
        return new Link(UUID.randomUUID(), indicator, "指标 " + indicator, area, new BigDecimal(quantity), ">= 1",
                timeLimited, false);
    }

    public static Composition composition(List<Link> links) {
        BigDecimal quantity = links.stream().map(Link::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean timeLimited = links.stream().anyMatch(Link::timeLimited);
        return new Composition("测试项目", "测试内容", links.stream().map(Link::areaCode).distinct().toList(),
                quantity + " 栋", quantity, "栋", quantity.multiply(BigDecimal.TEN), "估算", "H02 −" + quantity,
                timeLimited ? 1 : 2, timeLimited);
    }

    /** A draft of two buildings' gas hazards (quantities 1 and 3) for department housing. */
    public static Project draft() {
        List<Link> links = List.of(link("H02", "360111001001001001", "1", false),
                link("H02", "360111001001001002", "3", true));
        return Project.draft(UUID.randomUUID(), 2025, "GAS_PIPES", "GAS_PIPES:360111001",
                ProjectType.FACILITY_CONSTRUCTION, "housing", 1, links, composition(links), NOW).after();
    }

    /** A project brought to {@code status} through the workflow. */
    public static Project in(ProjectStatus status) {
        Project p = draft();
        switch (status) {
            case DRAFT -> {
                return p;
            }
            case SUBMITTED -> {
                return step(p, ProjectCommand.of(Action.SUBMIT));
            }
            case RETURNED -> {
                return step(in(ProjectStatus.SUBMITTED), ProjectCommand.of(Action.RETURN).because("投资过高")
                        .resolved("常务会议纪要〔2026〕3号", java.time.LocalDate.of(2026, 3, 10)));
            }
            case APPROVED -> {
                return step(in(ProjectStatus.SUBMITTED), ProjectCommand.of(Action.APPROVE)
                        .resolved("常务会议纪要〔2026〕3号", java.time.LocalDate.of(2026, 3, 10)));
            }
            case ISSUED -> {
                return step(in(ProjectStatus.APPROVED), ProjectCommand.of(Action.ISSUE));
            }
            case IN_PROGRESS -> {
                return step(in(ProjectStatus.ISSUED), ProjectCommand.of(Action.START));
            }
            case COMPLETED -> {
                return step(in(ProjectStatus.IN_PROGRESS), ProjectCommand.of(Action.COMPLETE)
                        .accepted("竣工验收报告 YS-2026-01", java.time.LocalDate.of(2026, 11, 1)));
            }
            case CANCELLED -> {
                return step(p, ProjectCommand.of(Action.CANCEL).because("不再需要"));
            }
            default -> throw new IllegalArgumentException(status.name());
        }
    }

    static Project step(Project p, ProjectCommand command) {
        return p.apply(command, "tester", NOW).after();
    }

    private Projects() {
    }
}
