package org.tijian.projects;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.EventType;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Topics;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.contracts.ledger.ProblemStatusChanged;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.dev.DemoUser;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the library's integration tests share: one service context against the real broker and PostgreSQL, with
 * the grouping rules of application.yml, and helpers that act as the ledger (publishing problem events), officials,
 * the approver and units would. Each test works in a street of its own.
 */
@TijianIntegrationTest(database = ProjectsIntegrationTest.DATABASE, properties = {
        "tijian.projects.gauges.interval=PT1S", "tijian.projects.gauges.initial-delay=PT1S"})
public abstract class ProjectsIntegrationTest {

    public static final String DATABASE = "projects_it";
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** The housing bureau as a responsible unit: the gas-pipe projects' department. */
    public static final DemoUser HOUSING_UNIT = new DemoUser("housing-unit", "南昌市住建局（责任单位）",
            List.of(Role.RESPONSIBLE_UNIT), null, List.of("3601"), "housing");

    protected final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    protected int port;

    /** A street of its own in Nanchang (3601): 9 digits. */
    protected static String newStreet() {
        return "3601" + String.format("%02d%03d", ThreadLocalRandom.current().nextInt(10, 100),
                ThreadLocalRandom.current().nextInt(1000));
    }

    protected static String building(String street, int compound, int building) {
        return street + "001" + String.format("%03d%03d", compound, building);
    }

    protected static ProblemIdentified identified(String indicator, String area, String value,
            RectificationClass rectificationClass) {
        return new ProblemIdentified(UUID.randomUUID(), 2025, area, indicator, "指标 " + indicator, Dimension.HOUSING,
                value == null ? null : new BigDecimal(value), "个", ">= 1", "问题明细 " + indicator, rectificationClass,
                UUID.randomUUID(), Instant.now());
    }

    protected static ProblemStatusChanged changed(ProblemIdentified p, String action, String from, String to,
            long version) {
        return new ProblemStatusChanged(p.problemId(), p.checkYear(), p.areaCode(), p.indicatorCode(), action, from, to,
                p.rectificationClass(), null, null, "测试", null, "nanchang-official", version, Instant.now());
    }

    protected void deliver(UUID eventId, Record event) {
        deliver(event instanceof ProblemIdentified i ? i.areaCode() : ((ProblemStatusChanged) event).areaCode(), eventId,
                event);
    }

    /** With another Kafka key: consumed only after everything sent before with {@code key}. */
    protected void deliver(String key, UUID eventId, Record event) {
        KafkaProbe.send(Topics.LEDGER_PROBLEMS, key, json.writeValueAsString(event), Map.of(
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.TYPE, EventType.of(event.getClass()).cloudEventType()));
    }

    protected void deliver(Record event) {
        deliver(UUID.randomUUID(), event);
    }

    protected WebTestClient as(String username) {
        return client(TestInfrastructure.get().tokens().tokenFor(username));
    }

    protected WebTestClient as(DemoUser user) {
        return client(TestInfrastructure.get().tokens().tokenFor(user, Duration.ofHours(1)));
    }

    protected WebTestClient anonymous() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(WAIT).build();
    }

    private WebTestClient client(String token) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(WAIT)
                .defaultHeader("Authorization", "Bearer " + token).build();
    }

    protected JsonNode get(String username, String uri, Object... variables) {
        return json.readTree(as(username).get().uri(uri, variables).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    /** The projects of plan year 2026 with an area in {@code area}'s subtree, as the administrator sees them. */
    protected List<JsonNode> projects(String area) {
        List<JsonNode> list = new ArrayList<>();
        get("admin", "/api/projects?areaCode={area}&planYear=2026&limit=1000", area).forEach(list::add);
        return list;
    }

    protected List<JsonNode> activeProjects(String area) {
        return projects(area).stream().filter(p -> !p.get("status").asString().equals("CANCELLED")).toList();
    }

    protected JsonNode project(String id) {
        return get("admin", "/api/projects/{id}", id);
    }

    /** Waits until the area's active projects hold exactly {@code problems} problems in all, and returns them. */
    protected List<JsonNode> awaitProblems(String area, int problems) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> activeProjects(area), list -> list.stream().mapToInt(p -> p.get("links").size()).sum() == problems);
    }

    /** Posts a workflow action with the project's current version as If-Match; expects 200. */
    protected JsonNode act(Object user, String id, Map<String, Object> body) {
        long version = project(id).get("version").asLong();
        WebTestClient client = user instanceof DemoUser d ? as(d) : as((String) user);
        return json.readTree(client.post().uri("/api/projects/{id}/actions", id)
                .header("If-Match", "\"" + version + "\"").bodyValue(body).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    protected static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    protected List<String> historyActions(String id) {
        List<String> actions = new ArrayList<>();
        project(id).get("history").forEach(entry -> actions.add(entry.get("action").asString()));
        return actions;
    }

    protected void sql(String statement) {
        try (Connection connection = connection()) {
            connection.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything the library holds about an area's subtree, as text, for before/after comparisons. */
    protected String snapshot(String area) {
        try (Connection connection = connection(); var rows = connection.createStatement().executeQuery(
                "select (select coalesce(string_agg(p::text, E'\\n' order by p.id), '') from project p "
                        + "where exists (select 1 from unnest(p.area_codes) a where a like '" + area + "%')) || E'\\n' || "
                        + "(select coalesce(string_agg(pp::text, E'\\n' order by pp.project_id, pp.problem_id), '') "
                        + "from project_problem pp where pp.area_code like '" + area + "%') || E'\\n' || "
                        + "(select coalesce(string_agg(h::text, E'\\n' order by h.project_id, h.version), '') "
                        + "from project_history h join project p on p.id = h.project_id "
                        + "where exists (select 1 from unnest(p.area_codes) a where a like '" + area + "%')) || E'\\n' || "
                        + "(select coalesce(string_agg(c::text, E'\\n' order by c.problem_id), '') from problem_copy c "
                        + "where c.area_code like '" + area + "%') || E'\\n' || "
                        + "(select count(*) from outbox_event o join project p on o.message_key = p.id::text "
                        + "where exists (select 1 from unnest(p.area_codes) a where a like '" + area + "%'))")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected Connection connection() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().jdbcUrl(DATABASE), TestInfrastructure.USER,
                TestInfrastructure.PASSWORD);
    }
}
