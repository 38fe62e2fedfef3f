package org.festivalledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A restart at festival scale ({@code ./bench.sh restart [entries]}): the time-travel benchmark's festival (10,000
 * entries, 150,000 scores, about 160,000 events) written straight into a fresh store; the packaged app started on
 * it with nothing but the log (every view folds from position 1: what every start cost before views kept their
 * positions), left running until its periodic snapshots are saved, killed with SIGKILL, and started again. For
 * both starts: the time from launching the process until it answers at all, until every view's processor is at
 * the head ({@code Projection-Position}), until the audit trail holds the last event, and until the live
 * standings read equals the one before the kill. Then, while the restarted app runs, a new node joins its store (its
 * own data directory and port, the first node's store and log key, as a second node behind a load balancer would):
 * the same times for it, which starts from the same saved positions and snapshots. Last, the restart again from
 * the fast-start layout of {@code prepare-fast-start.sh} (the jar extracted, and a class-data-sharing archive of a
 * training start), prepared before the first start, for a second new node and for the restart. Data is removed at
 * the end.
 */
final class RestartBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDITOR = "Basic " + Base64.getEncoder()
            .encodeToString("auditor:auditor-demo".getBytes(StandardCharsets.UTF_8));
    private static final String STANDINGS = "/api/competitions/timetravel/rounds/round-3/standings?top=100";
    /** Longer than every snapshot interval (views 5 s, judging board 30 s, audit trail 60 s). */
    private static final Duration RUNNING = Duration.ofSeconds(70);

    private RestartBenchmark() {
    }

    static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String heap = args.length > 1 ? args[1] : "-Xmx1g";
        Path jar = Path.of("api/target/festival-ledger.jar");
        int storePort = freePort();
        // The store listens on a known port, so that a second node can join it.
        Path fastStart = Files.createTempDirectory("festival-fast-start");
        try (AppUnderTest app = AppUnderTest.fresh(jar, "--ledger.embedded-port=" + storePort)) {
            prepareFastStart(jar, fastStart);
            try {
                long seeded = new TimeTravelBenchmark().seed(app.data, entries);
                System.out.printf(Locale.ROOT, "Restart benchmark: %,d events on the ledger, %s, %d cores, Java %s, "
                                + "load average %s%n", seeded, heap, Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), PublicBenchmark.loadAverage());
                Map<String, Double> cold = timedStart(app, heap, seeded, null);
                String reference = standings(app);
                Thread.sleep(RUNNING.toMillis());
                app.kill();
                Map<String, Double> warm = timedStart(app, heap, seeded, reference);
                String warmRss = app.peakRss();
                String archive = "-XX:SharedArchiveFile=" + fastStart.resolve("festival-ledger.jsa") + " ";
                Path fastJar = fastStart.resolve("festival-ledger.jar");
                Map<String, Double> joined;
                Map<String, Double> fastJoined;
                String joinedRss;
                try (AppUnderTest newcomer = newcomer(jar, storePort, app)) {
                    joined = timedStart(newcomer, heap, seeded, reference);
                    joinedRss = newcomer.peakRss();
                }
                try (AppUnderTest newcomer = newcomer(fastJar, storePort, app)) {
                    fastJoined = timedStart(newcomer, archive + heap, seeded, reference);
                }
                app.kill();
                AppUnderTest fast = app.launchedFrom(fastJar);
                Map<String, Double> fastWarm;
                try {
                    fastWarm = timedStart(fast, archive + heap, seeded, reference);
                } finally {
                    fast.stop(); // the first node's close() stops only its own process: never leave this one running
                }
                System.out.println();
                System.out.println("| after launching the process | first start: every view from position 1 (s) "
                        + "| restart after SIGKILL: views from their snapshots (s) | restart / first "
                        + "| a new node joining the running node's store (s) "
                        + "| restart after SIGKILL, fast-start layout (s) "
                        + "| a new node joining, fast-start layout (s) |");
                System.out.println("|---|---:|---:|---:|---:|---:|---:|");
                for (String measure : cold.keySet()) {
                    System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.0f %% | %.1f | %.1f | %.1f |%n", measure,
                            cold.get(measure), warm.get(measure), 100 * warm.get(measure) / cold.get(measure),
                            joined.get(measure), fastWarm.get(measure), fastJoined.get(measure));
                }
                System.out.printf("peak RSS: restarted app %s, new node %s; load average at the end: %s%n", warmRss,
                        joinedRss, PublicBenchmark.loadAverage());
            } catch (Exception failed) {
                // The data directory goes with the benchmark: say what the application said first.
                System.err.println("The restart benchmark failed; the end of the first node's log:"
                        + System.lineSeparator() + app.logTail(80));
                throw failed;
            }
        } finally {
            AppUnderTest.deleteTree(fastStart);
        }
    }

    /** A second node on the running node's store: its own data directory and port, the store and log key shared. */
    private static AppUnderTest newcomer(Path jar, int storePort, AppUnderTest running) throws java.io.IOException {
        return AppUnderTest.fresh(jar, "--ledger.mongodb-uri=mongodb://127.0.0.1:" + storePort,
                "--ledger.node-id=newcomer", "--ledger.log.key-file=" + running.data.resolve("log-signing.key"));
    }

    /** Runs {@code prepare-fast-start.sh} on the jar, as a deployment would, before anything is timed. */
    private static void prepareFastStart(Path jar, Path directory) throws Exception {
        Process prepare = new ProcessBuilder("bash", "prepare-fast-start.sh", jar.toString(), directory.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (prepare.waitFor() != 0) {
            Path log = directory.resolve("training.log");
            throw new IllegalStateException("prepare-fast-start.sh failed: "
                    + (Files.exists(log) ? Files.readString(log) : "no training log"));
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, Double> timedStart(AppUnderTest app, String heap, long head, String reference)
            throws Exception {
        long launched = System.nanoTime();
        app.start(heap.split("\\s+")); // returns once /api/audit/head answers
        Map<String, Double> times = new LinkedHashMap<>();
        times.put("answers HTTP", seconds(launched));
        boolean ready = false;
        boolean views = false;
        boolean trail = false;
        boolean standings = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!(ready && views && trail && standings) && System.nanoTime() < deadline) {
            try {
                if (!ready && send(app, "/actuator/health/readiness").statusCode() == 200) {
                    ready = true;
                    times.put("readiness UP (every view at the head it saw at start)", seconds(launched));
                }
                if (!views && projectionPosition(app) >= head) {
                    views = true;
                    times.put("every view's processor at the head", seconds(launched));
                }
                if (!trail && trailHolds(app, head)) {
                    trail = true;
                    times.put("audit trail holds the last event", seconds(launched));
                }
                if (!standings && views && (reference == null ? !standings(app).isEmpty()
                        : reference.equals(standings(app)))) {
                    standings = true;
                    times.put("live standings (top 100) read equal to before", seconds(launched));
                }
            } catch (java.net.http.HttpTimeoutException busy) {
                // A start catching up on a loaded machine may keep a request waiting past the timeout: not yet.
            }
            Thread.sleep(50);
        }
        if (!(ready && views && trail && standings)) {
            throw new IllegalStateException("the application did not reach the head within 10 minutes; so far "
                    + times + "; its readiness: " + readiness(app) + "; the end of its log:" + System.lineSeparator()
                    + app.logTail(60));
        }
        times.put("everything above", seconds(launched));
        return times;
    }

    /** The readiness answer with each view's position, for a start that never becomes ready. */
    private static String readiness(AppUnderTest app) {
        try {
            return send(app, "/actuator/health/readiness").body();
        } catch (Exception e) {
            return "(no answer: " + e + ")";
        }
    }

    private static long projectionPosition(AppUnderTest app) throws Exception {
        HttpResponse<String> reply = send(app, "/api/competitions");
        return reply.headers().firstValueAsLong("Projection-Position").orElse(0);
    }

    private static boolean trailHolds(AppUnderTest app, long head) throws Exception {
        HttpResponse<String> reply = send(app, "/api/audit/events?from=" + head + "&limit=1");
        if (reply.statusCode() != 200) {
            return false;
        }
        JsonNode events = JSON.readTree(reply.body()).path("events");
        return events.size() == 1 && events.get(0).path("position").asLong() == head;
    }

    private static String standings(AppUnderTest app) throws Exception {
        HttpResponse<String> reply = send(app, STANDINGS);
        return reply.statusCode() == 200 ? JSON.readTree(reply.body()).path("rows").toString() : "";
    }

    private static HttpResponse<String> send(AppUnderTest app, String path) throws Exception {
        return AppUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", AUDITOR).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
