package org.tijian.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What intake's connections are doing in PostgreSQL, sampled from {@code pg_stat_activity} every 250 ms per
 * named phase: for every backend that is not idle, its state, what it waits for ({@code CPU} when it waits for
 * nothing) and the start of its statement. The benchmark's own connections are left out.
 */
final class PostgresActivity implements AutoCloseable {

    static final String APPLICATION_NAME = "benchmark";

    private final Connection connection;
    private final PreparedStatement query;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pg-activity-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Map<String, Integer>> phases = new LinkedHashMap<>();
    private final Map<String, Integer> ticks = new HashMap<>();
    private volatile String phase = "setup";

    PostgresActivity(String jdbcUrl, String user, String password) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, password);
        query = connection.prepareStatement("""
                select state, coalesce(wait_event_type || ':' || wait_event, 'CPU') as waiting, query
                from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
                  and state <> 'idle' and coalesce(application_name, '') <> ?""");
        query.setString(1, APPLICATION_NAME);
    }

    PostgresActivity start() {
        executor.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
        return this;
    }

    void phase(String name) {
        phase = name;
    }

    /** The most frequent activities of a phase, each with the share of samples it was seen in. */
    synchronized List<String> top(String phaseName, int limit) {
        Map<String, Integer> seen = phases.getOrDefault(phaseName, Map.of());
        int total = ticks.getOrDefault(phaseName, 0);
        List<String> lines = new ArrayList<>();
        seen.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> lines.add(String.format(Locale.ROOT, "%.0f%% %s", 100.0 * e.getValue() / total, e.getKey())));
        return lines;
    }

    synchronized int samples(String phaseName) {
        return ticks.getOrDefault(phaseName, 0);
    }

    private void sample() {
        String name = phase;
        List<String> activities = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String state = rows.getString("state");
                String statement = shorten(rows.getString("query"));
                activities.add("active".equals(state) ? rows.getString("waiting") + " " + statement
                        : state + ", last: " + statement);
            }
        } catch (SQLException e) {
            return;
        }
        synchronized (this) {
            ticks.merge(name, 1, Integer::sum);
            Map<String, Integer> seen = phases.computeIfAbsent(name, n -> new HashMap<>());
            for (String activity : activities.stream().distinct().toList()) {
                seen.merge(activity, 1, Integer::sum);
            }
        }
    }

    private static String shorten(String statement) {
        String flat = statement == null ? "" : statement.replaceAll("\\s+", " ").trim();
        return "`" + (flat.length() > 60 ? flat.substring(0, 60) + "…" : flat) + "`";
    }

    @Override
    public void close() throws SQLException {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
