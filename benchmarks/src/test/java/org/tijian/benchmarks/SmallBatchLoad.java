package org.tijian.benchmarks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Small uploads on an open-loop schedule: one batch every {@code 1/rate} s for the given time, fired by a
 * scheduler at fixed rate whether or not earlier ones were answered, each waiting (intake's default for small
 * uploads) until its batch is imported. A batch counts as answered when it comes back 201 SUCCEEDED with every
 * row created; its latency runs from its scheduled start to the end of the response, so a late start counts.
 */
final class SmallBatchLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    record Result(int scheduled, int succeeded, Map<String, Integer> failures, long[] latenciesNanos,
            double seconds, double maxStartLagMillis) {

        int failed() {
            return scheduled - succeeded;
        }

        /**
         * Over every scheduled batch: one that was not answered 201 SUCCEEDED counts as slower than any answered
         * one, so a percentile that falls among them is infinite.
         */
        double percentileMillis(double p) {
            int index = Math.max(0, (int) Math.ceil(p / 100.0 * scheduled) - 1);
            return index < latenciesNanos.length ? latenciesNanos[index] / 1e6 : Double.POSITIVE_INFINITY;
        }

        double maxMillis() {
            return failed() > 0 ? Double.POSITIVE_INFINITY
                    : latenciesNanos.length == 0 ? Double.NaN : latenciesNanos[latenciesNanos.length - 1] / 1e6;
        }

        /** The slowest batch that was answered 201 SUCCEEDED. */
        double maxAnsweredMillis() {
            return latenciesNanos.length == 0 ? Double.NaN : latenciesNanos[latenciesNanos.length - 1] / 1e6;
        }
    }

    private SmallBatchLoad() {
    }

    /** One upload: the path with its options, and the CSV. */
    record Upload(String path, String csv) {
    }

    /** @param uploads one per batch, in firing order */
    static Result run(Api department, List<Upload> uploads, int perSecond, int expectedRowsPerBatch)
            throws InterruptedException {
        int total = uploads.size();
        long period = 1_000_000_000L / perSecond;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        Map<String, Integer> failures = new TreeMap<>();
        List<CompletableFuture<?>> answers = new ArrayList<>(total);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch fired = new CountDownLatch(total);
        AtomicLong maxLag = new AtomicLong();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "small-batch-schedule");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime() + 100_000_000L;
        ScheduledFuture<?> firing = scheduler.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            long scheduledAt = start + i * period;
            long lag = System.nanoTime() - scheduledAt;
            maxLag.accumulateAndGet(lag, Math::max);
            try {
                Upload upload = uploads.get(i);
                CompletableFuture<?> answer = department.postAsync(upload.path(), "text/csv", upload.csv(), REQUEST_TIMEOUT)
                        .handle((response, error) -> {
                            long latency = System.nanoTime() - scheduledAt;
                            String failure;
                            try {
                                failure = failure(response, error, expectedRowsPerBatch);
                            } catch (RuntimeException e) {
                                failure = "unreadable answer: " + e.getClass().getSimpleName();
                            }
                            synchronized (failures) {
                                if (failure == null) {
                                    latencies[i] = latency;
                                } else {
                                    failures.merge(failure, 1, Integer::sum);
                                }
                            }
                            return null;
                        });
                synchronized (answers) {
                    answers.add(answer);
                }
            } catch (RuntimeException e) {
                synchronized (failures) {
                    failures.merge("not sent: " + e.getClass().getSimpleName(), 1, Integer::sum);
                }
            } finally {
                fired.countDown();
            }
        }, start - System.nanoTime(), period, TimeUnit.NANOSECONDS);
        fired.await();
        firing.cancel(false);
        scheduler.shutdown();
        CompletableFuture<?>[] pending;
        synchronized (answers) {
            pending = answers.toArray(CompletableFuture<?>[]::new);
        }
        try {
            CompletableFuture.allOf(pending).get(REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            synchronized (failures) {
                failures.merge("not answered: " + e, 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] answered;
        synchronized (failures) {
            answered = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        }
        return new Result(total, answered.length, failures, answered, seconds, maxLag.get() / 1e6);
    }

    private static String failure(HttpResponse<String> response, Throwable error, int expectedRows) {
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            return cause.getClass().getSimpleName();
        }
        if (response.statusCode() == 202) {
            return "202: not finished within intake's 60 s wait";
        }
        if (response.statusCode() != 201) {
            String code = "";
            try {
                JsonNode body = Api.JSON.readTree(response.body());
                code = body.has("code") ? " " + body.get("code").asString() : body.has("status") ? " " + body.get("status").asString() : "";
            } catch (RuntimeException e) {
                // not JSON
            }
            return "HTTP " + response.statusCode() + code;
        }
        JsonNode batch = Api.JSON.readTree(response.body());
        String status = batch.get("status").asString();
        if (!"SUCCEEDED".equals(status)) {
            return "201 " + status;
        }
        if (batch.get("created").asLong() != expectedRows) {
            return "201 SUCCEEDED but created " + batch.get("created").asLong();
        }
        return null;
    }
}
