package org.tijian.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples one service's {@code /actuator/prometheus} once a second: heap used (every
 * {@code jvm_memory_used_bytes{area="heap"}} pool summed), the heap's limit, and the process's and the
 * machine's CPU usage, each kept per named phase (the phase is whatever was set last).
 */
final class MetricsSampler implements AutoCloseable {

    private final Api api;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "metrics-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private volatile String phase = "setup";
    private volatile long heapMaxBytes;
    private final AtomicInteger failures = new AtomicInteger();

    static final class Phase {
        long samples;
        double maxHeapBytes;
        double cpuSum;
        double systemCpuSum;
        double maxRunningBatches;

        double averageCpu() {
            return samples == 0 ? Double.NaN : cpuSum / samples;
        }

        double averageSystemCpu() {
            return samples == 0 ? Double.NaN : systemCpuSum / samples;
        }
    }

    MetricsSampler(Api api) {
        this.api = api;
    }

    MetricsSampler start() {
        executor.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    void phase(String name) {
        phase = name;
    }

    synchronized Map<String, Phase> phases() {
        return new LinkedHashMap<>(phases);
    }

    /** The highest heap use of any sample of any phase. */
    synchronized double maxHeapBytes() {
        return phases.values().stream().mapToDouble(p -> p.maxHeapBytes).max().orElse(Double.NaN);
    }

    long heapLimitBytes() {
        return heapMaxBytes;
    }

    int failedSamples() {
        return failures.get();
    }

    private void sample() {
        String name = phase;
        try {
            Api.Response response = api.get("/actuator/prometheus");
            if (response.status() != 200) {
                failures.incrementAndGet();
                return;
            }
            double heap = 0;
            double heapMax = 0;
            double cpu = Double.NaN;
            double systemCpu = Double.NaN;
            double running = 0;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += value(line);
                } else if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"")) {
                    double max = value(line);
                    heapMax += max > 0 ? max : 0;
                } else if (line.startsWith("process_cpu_usage")) {
                    cpu = value(line);
                } else if (line.startsWith("system_cpu_usage")) {
                    systemCpu = value(line);
                } else if (line.startsWith("tijian_intake_batches_running")) {
                    running += value(line);
                }
            }
            heapMaxBytes = (long) heapMax;
            synchronized (this) {
                Phase p = phases.computeIfAbsent(name, n -> new Phase());
                p.samples++;
                p.maxHeapBytes = Math.max(p.maxHeapBytes, heap);
                p.cpuSum += Double.isNaN(cpu) ? 0 : cpu;
                p.systemCpuSum += Double.isNaN(systemCpu) ? 0 : systemCpu;
                p.maxRunningBatches = Math.max(p.maxRunningBatches, running);
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
        }
    }

    /** The sum of every series of one metric (e.g. {@code tijian_intake_batch_duration_seconds_sum}) right now. */
    double total(String metric) {
        Api.Response response = api.get("/actuator/prometheus").expect(200);
        double total = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                total += value(line);
            }
        }
        return total;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
