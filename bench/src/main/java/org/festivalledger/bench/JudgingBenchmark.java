package org.festivalledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Judging at festival scale through HTTP, against the packaged application started as its own process
 * on a fresh embedded store: 10,000 entries, 100 jurors, 5 per entry, 3 criteria.
 * <ul>
 * <li>time to record all 50,000 scores with 16 concurrent clients;</li>
 * <li>standings read latency (p50/p99) under 64 concurrent readers at that size;</li>
 * <li>time from a score's acknowledgement to the live-standings push that reflects it (p50/p99);</li>
 * <li>the floors under both on these cores: a request with one store read (its CPU), and the cheapest answer's
 * latency under the same load.</li>
 * </ul>
 * Run: {@code ./bench.sh judging [entries jurors]} (defaults 10,000 and 100), from the project root.
 */
public final class JudgingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORGANISER = "Basic " + Base64.getEncoder()
            .encodeToString("organiser:organiser-demo".getBytes(StandardCharsets.UTF_8));
    private static final String AUDITOR = "Basic " + Base64.getEncoder()
            .encodeToString("auditor:auditor-demo".getBytes(StandardCharsets.UTF_8));
    private static final String COMPETITION = "bench";
    private static final String ROUND = "preliminary";

    // Daemon threads (AppUnderTest's client): a non-daemon pool kept the benchmark's JVM alive after it was done.
    private final HttpClient http = AppUnderTest.HTTP;
    private final String base;
    /** Scores through HTTP per second in the first round's load: compared with the raw store's inserts at the end. */
    private double scoresPerSecond;
    /** What a score of that load cost in CPU, beside a request that reads the store once: the budget at the end. */
    private ScoreCost scoreCost;
    /** How long the organiser waited for the automatic draw of the first round's jurors. */
    private double drawSeconds;

    private JudgingBenchmark(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        run(args, false);
    }

    /**
     * The festival-scale run ({@code ./bench.sh festival}): the judging run plus a second round (the first
     * round's shortlist of 1,000, five jurors each), a full replay of every view, and the raw store's own
     * insert and scan rates measured in the same run on the same data, for comparison.
     */
    /** Longer than the store's chunk retention (15 s) and many of the store's compactions (every 3 s). */
    private static final Duration QUIET = Duration.ofSeconds(60);

    public static void festival(String[] args) throws Exception {
        run(args, true);
    }

    private static void run(String[] args, boolean festival) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int jurors = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String heap = args.length > 2 ? args[2] : "-Xmx2g";
        Path jar = Path.of("api/target/festival-ledger.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: mvn -B -q package -DskipTests (no " + jar + ")");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("judging-bench");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        boolean finished = false;
        try {
            measure(jar, data, log, port, heap, entries, jurors, festival);
            finished = true;
        } finally {
            if (!finished) {
                // Its data and log are about to go: say why the application failed while it still can.
                System.err.println("The benchmark failed; the application's log ends with:" + System.lineSeparator()
                        + AppUnderTest.tail(log, 60));
            }
            // A festival's store is gigabytes: never leave it in the temp directory, even after a failure.
            AppUnderTest.deleteTree(data);
            Files.deleteIfExists(log);
        }
    }

    private static void measure(Path jar, Path data, Path log, int port, String heap, int entries, int jurors,
                                boolean festival) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("java", heap, "-jar", jar.toString(), "--server.port=" + port,
                "--ledger.data-dir=" + data,
                // A benchmark measures capacity from one address, not the per-client limits.
                "--ledger.http.rate-limit.enabled=false", "--ledger.http.public-reads.per-client=0"));
        // The jar has no default passwords; the benchmark's accounts are its own, given the way a deployment would.
        builder.environment().put("LEDGER_ORGANISER_PASSWORD", "organiser-demo");
        builder.environment().put("LEDGER_AUDITOR_PASSWORD", "auditor-demo");
        Process app = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        JudgingBenchmark bench = new JudgingBenchmark(port);
        try {
            bench.awaitUp(app);
            System.out.printf("Judging benchmark: %d entries, %d jurors, 5 per entry, 3 criteria; %d cores, Java %s, %s, "
                            + "load average %s%n", entries, jurors, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), heap, PublicBenchmark.loadAverage());
            bench.run(entries, jurors, app.pid(), festival);
            long events = JSON.readTree(bench.get("/api/audit/head", null).body()).get("position").asLong();
            long bytes = Files.size(data.resolve("ledger.mv.db"));
            System.out.printf(Locale.ROOT, "| data on disk while the app still runs (embedded store's file) | %,.1f MB = "
                    + "%,.0f bytes/event |%n", bytes / 1e6, (double) bytes / Math.max(1, events));
            System.out.printf("load average at the end of the load: %s%n", PublicBenchmark.loadAverage());
            // A festival has quiet minutes: past the store's 15 s chunk retention its compaction (every 3 s) may reuse
            // and give back the chunks the load left behind, with the app still running.
            Thread.sleep(QUIET.toMillis());
            long quiet = Files.size(data.resolve("ledger.mv.db"));
            System.out.printf(Locale.ROOT, "| data on disk after a quiet minute, the app still running | %,.1f MB = "
                    + "%,.0f bytes/event |%n", quiet / 1e6, (double) quiet / Math.max(1, events));
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(); // never outlive the benchmark
            }
        }
        if (festival) {
            RawBaseline.report(data, bench.scoresPerSecond, bench.scoreCost);
        }
    }

    private void run(int entries, int jurors, long pid, boolean festival) throws Exception {
        Map<String, Object> competition = Map.of("id", COMPETITION, "name", "Bench unit", "edition", "2026",
                "criteria", List.of(criterion("artistic-impact", 0.4), criterion("thematic-expression", 0.3),
                        criterion("innovative-ai-use", 0.3)),
                "rules", Map.of("submissionDeadline", "2099-01-01T00:00:00Z", "maxRuntimeMinutes", 30));
        expect(201, post("/api/competitions", ORGANISER, JSON.writeValueAsString(competition), "application/json"));
        for (int from = 1; from <= entries; from += 1000) {
            StringBuilder csv = new StringBuilder("id,title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow\n");
            for (int i = from; i < Math.min(entries + 1, from + 1000); i++) {
                csv.append("e").append(i).append(",Film ").append(i).append(",Team ").append(i)
                        .append(",FR,10,A film,Runway,HYBRID\n");
            }
            expect(201, post("/api/competitions/" + COMPETITION + "/submissions/import", ORGANISER, csv.toString(),
                    "text/csv"));
        }
        Map<String, String> tokens = new HashMap<>();
        for (int j = 1; j <= jurors; j++) {
            JsonNode appointed = JSON.readTree(expect(201, post("/api/competitions/" + COMPETITION + "/jurors",
                    ORGANISER, "{\"id\":\"j" + j + "\",\"name\":\"Juror " + j + "\"}", "application/json")));
            tokens.put("j" + j, "Bearer " + appointed.get("token").asText());
        }
        expect(201, post("/api/competitions/" + COMPETITION + "/rounds", ORGANISER, "{\"id\":\"" + ROUND
                + "\",\"name\":\"Preliminary\",\"jurorsPerEntry\":5,\"aggregation\":\"MEAN\",\"minScoresPerEntry\":5,"
                + "\"entries\":\"ALL_ELIGIBLE\"}", "application/json"));
        long drawStart = System.nanoTime();
        HttpResponse<String> assigned = post(round() + "/assignments", ORGANISER, "{\"mode\":\"AUTO\"}",
                "application/json");
        expect(200, assigned);
        drawSeconds = (System.nanoTime() - drawStart) / 1e9;
        String assignedAt = assigned.headers().firstValue("Ledger-Position").orElseThrow();

        List<String[]> work = new ArrayList<>();
        for (Map.Entry<String, String> juror : tokens.entrySet()) {
            JsonNode mine = JSON.readTree(caughtUp(round() + "/assignments/mine?minPosition=" + assignedAt,
                    juror.getValue(), Long.parseLong(assignedAt)));
            mine.forEach(entry -> work.add(new String[] {juror.getValue(), entry.get("submissionId").asText()}));
        }
        Collections.shuffle(work, new java.util.Random(7));

        // 1. All scores through HTTP with 16 concurrent clients.
        long before = JSON.readTree(get("/api/audit/head", null).body()).get("position").asLong();
        Duration cpuBefore = AppUnderTest.cpuTime(pid);
        Duration clientCpuBefore = AppUnderTest.ownCpuTime();
        Load load = scoreAll(work, round());
        double loadSeconds = load.seconds();
        // CPU per score says more than scores per second on a shared machine: the rate moves with the neighbours.
        double cpuPerScore = AppUnderTest.cpuTime(pid).minus(cpuBefore).toNanos() / 1e6 / work.size();
        // The clients run on the same cores: their share is part of what a score costs this machine.
        double clientCpuPerScore = AppUnderTest.ownCpuTime().minus(clientCpuBefore).toNanos() / 1e6 / work.size();
        List<Long> latencies = load.latencies();
        AtomicLong failures = load.failures();
        JsonNode head = JSON.readTree(get("/api/audit/head", null).body());
        get(round() + "/standings?minPosition=" + head.get("position").asLong(), ORGANISER);

        // 2. Standings reads under 64 concurrent readers: the whole table, and a dashboard's top 100.
        List<Long> reads = readUnderLoad(round() + "/standings", 10);
        List<Long> topReads = readUnderLoad(round() + "/standings?top=100", 30);

        // 3. Score acknowledged → standings pushed, one revision at a time.
        List<Long> pushes = measurePushes(work, 60);

        // 4. What the targets describe: 64 dashboards reading the top 100 and the organiser's live stream
        //    while 16 clients send scores (revisions here: the round is fully scored by now).
        double[] pausesBefore = collectorPauses();
        Mixed mixed = mixedLoad(work, Math.min(work.size(), 5_000), round() + "/standings?top=100");
        double[] pausesAfter = collectorPauses();
        // 4b. The same load on other entries, the dashboards reading the cheapest answer there is, the liveness probe
        //     (from memory, no store or view): what any read waits for on these cores under that load.
        int second = Math.min(5_000, work.size() - Math.min(work.size(), 5_000));
        Mixed floorUnderLoad = second == 0 ? null
                : mixedLoad(work.subList(work.size() - second, work.size()), second, LIVENESS);

        // 5. The floor under every score: a request with one store read through the same web layers, same clients.
        WebFloor floor = webFloor(pid, 20_000);
        scoreCost = new ScoreCost(cpuPerScore, clientCpuPerScore, floor.applicationMs(), floor.clientMs());

        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---:|");
        scoresPerSecond = work.size() / loadSeconds;
        System.out.printf(Locale.ROOT, "| automatic draw of the round's jurors (%,d entries, %d jurors, 5 each), one request |"
                + " %.1f s |%n", entries, jurors, drawSeconds);
        System.out.printf(Locale.ROOT, "| scores recorded through HTTP (16 clients) | %,d in %.1f s = %,.0f scores/s (%d refused) |%n",
                work.size(), loadSeconds, scoresPerSecond, failures.get());
        System.out.printf(Locale.ROOT, "| score command latency p50 / p99 | %.1f / %.1f ms |%n",
                percentile(latencies, 50), percentile(latencies, 99));
        System.out.printf(Locale.ROOT, "| the application's CPU time per score during that load (all its threads) | %.2f ms |%n",
                cpuPerScore);
        System.out.printf(Locale.ROOT, "| the benchmark's own CPU time per score during that load (its 16 HTTP clients, on the"
                + " same cores) | %.2f ms |%n", clientCpuPerScore);
        System.out.printf(Locale.ROOT, "| the floor under every score: %,d `GET /api/audit/head` (public; one exact-key read of"
                        + " the store, as a juror's credential check) by 16 clients; CPU per request, the application /"
                        + " the clients | %,.0f /s; %.2f / %.2f ms |%n",
                floor.requests(), floor.perSecond(), floor.applicationMs(), floor.clientMs());
        System.out.printf(Locale.ROOT, "| standings read, all %,d rows (~%,d kB), p50 / p99, 64 readers | %.1f / %.1f ms |%n",
                entries, get(round() + "/standings", ORGANISER).body().length() / 1024, percentile(reads, 50),
                percentile(reads, 99));
        System.out.printf(Locale.ROOT, "| standings read, top 100 rows, p50 / p99, 64 readers | %.1f / %.1f ms |%n",
                percentile(topReads, 50), percentile(topReads, 99));
        System.out.printf(Locale.ROOT, "| score acknowledged → standings pushed p50 / p99 | %.0f / %.0f ms |%n",
                percentile(pushes, 50), percentile(pushes, 99));
        System.out.printf(Locale.ROOT, "| during a load of %,d revisions by 16 clients: revisions/s, latency p50 / p99 | %,.0f /s, "
                        + "%.1f / %.1f ms (%d refused) |%n", mixed.load().commands(), mixed.load().commands() / mixed.load().seconds(),
                percentile(mixed.load().latencies(), 50), percentile(mixed.load().latencies(), 99),
                mixed.load().failures().get());
        System.out.printf(Locale.ROOT, "| … standings read, top 100 rows, 64 dashboards (a read every %d ms each), p50 / p99 "
                        + "(%,d reads, %d not 200) | %.1f / %.1f ms |%n", DASHBOARD_PAUSE_MS, mixed.reads().size(),
                mixed.readFailures(),
                percentile(mixed.reads(), 50), percentile(mixed.reads(), 99));
        System.out.printf(Locale.ROOT, "| … score acknowledged → standings pushed, p50 / p99 | %.0f / %.0f ms |%n",
                percentile(mixed.pushes(), 50), percentile(mixed.pushes(), 99));
        double pauses = pausesAfter[0] - pausesBefore[0];
        System.out.printf(Locale.ROOT, "| … the application's collector pauses in that load: how many, mean, in all | %,.0f, %.1f ms, "
                        + "%.1f s |%n", pauses, 1000 * (pausesAfter[1] - pausesBefore[1]) / Math.max(1, pauses),
                pausesAfter[1] - pausesBefore[1]);
        if (floorUnderLoad != null) {
            System.out.printf(Locale.ROOT, "| … the same load again (%,d revisions, %,.0f /s), the 64 dashboards reading the"
                            + " liveness probe instead (`GET " + LIVENESS + "`, from memory), p50 / p99 (%,d reads, %d"
                            + " not 200) | %.1f / %.1f ms |%n", floorUnderLoad.load().commands(),
                    floorUnderLoad.load().commands() / floorUnderLoad.load().seconds(), floorUnderLoad.reads().size(),
                    floorUnderLoad.readFailures(), percentile(floorUnderLoad.reads(), 50), percentile(floorUnderLoad.reads(), 99));
        }
        System.out.printf(Locale.ROOT, "| ledger events | %,d |%n", JSON.readTree(get("/api/audit/head", null).body())
                .get("position").asLong());
        // The head when the scoring ended: the mixed loads after it appended revisions.
        long afterRound = head.get("position").asLong();
        System.out.printf(Locale.ROOT, "| events recorded during the scoring | %,d = %,.0f events/s |%n",
                afterRound - before, (afterRound - before) / loadSeconds);
        if (festival) {
            finalRound(tokens, Math.max(1, Math.min(1000, entries / 10)));
        }
        System.out.printf(Locale.ROOT, "| application peak RSS | %s |%n", AppUnderTest.peakRss(pid));
    }

    private record Load(int commands, double seconds, List<Long> latencies, AtomicLong failures) {
    }

    private record WebFloor(int requests, double perSecond, double applicationMs, double clientMs) {
    }

    /**
     * A request a score costs at least, {@code GET /api/audit/head} (public; one exact-key read of the store, as every
     * juror's request makes to check the credential), sent by 16 clients as the scores are: what Tomcat, Spring
     * Security's filters, Spring MVC, Jackson, the metrics and one store read cost per request on these cores, and
     * what the benchmark's HTTP client costs. A score pays all of it and more (its body, the command, the append, the
     * views), so it bounds the scoring rate this machine can reach.
     */
    private WebFloor webFloor(long pid, int requests) throws Exception {
        Duration applicationBefore = AppUnderTest.cpuTime(pid);
        Duration clientBefore = AppUnderTest.ownCpuTime();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        inParallel(16, c -> {
            for (int i = 0; i < requests / 16; i++) {
                if (get("/api/audit/head", null).statusCode() != 200) {
                    failures.incrementAndGet();
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of the floor's requests were not answered 200");
        }
        int sent = requests / 16 * 16;
        return new WebFloor(sent, sent / seconds,
                AppUnderTest.cpuTime(pid).minus(applicationBefore).toNanos() / 1e6 / sent,
                AppUnderTest.ownCpuTime().minus(clientBefore).toNanos() / 1e6 / sent);
    }

    /** Sends every score of {@code work} to {@code roundPath} with 16 concurrent clients. */
    private Load scoreAll(List<String[]> work, String roundPath) throws Exception {
        AtomicLong failures = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        int slice = (work.size() + 15) / 16;
        inParallel(16, c -> {
            List<String[]> mine = work.subList(Math.min(work.size(), c * slice), Math.min(work.size(), (c + 1) * slice));
            java.util.Random random = new java.util.Random(mine.size());
            for (String[] item : mine) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = post(roundPath + "/scores", item[0], score(item[1], random),
                        "application/json");
                latencies.add(System.nanoTime() - t0);
                if (response.statusCode() != 201) {
                    failures.incrementAndGet();
                }
            }
        });
        return new Load(work.size(), (System.nanoTime() - start) / 1e9, latencies, failures);
    }

    /** What one of the benchmark's clients does; {@code index} tells it from the others. */
    private interface Client {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} clients at once, each on its own thread, and waits for all of them; a failure is thrown. */
    private static void inParallel(int count, Client client) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                int index = c;
                futures.add(threads.submit(() -> {
                    client.run(index);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    /**
     * Round two: the first round closes, its top 1,000 (more if a tie straddles the cut-off) are shortlisted and
     * judged again by five jurors each (a tenth of the entries for smaller runs); then every view is
     * rebuilt from position 0.
     */
    private void finalRound(Map<String, String> tokens, int shortlistSize) throws Exception {
        expect(200, post(round() + "/close", ORGANISER, "", "application/json"));
        int size = shortlistSize;
        HttpResponse<String> drawn;
        do {
            drawn = post(round() + "/shortlist", ORGANISER, "{\"size\":" + size
                    + ",\"rationale\":\"the top of the preliminary round\"}", "application/json");
            size += 10;
        } while (drawn.statusCode() == 422 && drawn.body().contains("tie across the cut-off"));
        expect(201, drawn);
        String finalRound = "/api/competitions/" + COMPETITION + "/rounds/final";
        expect(201, post("/api/competitions/" + COMPETITION + "/rounds", ORGANISER, "{\"id\":\"final\","
                + "\"name\":\"Final\",\"jurorsPerEntry\":5,\"aggregation\":\"MEAN\",\"minScoresPerEntry\":5,"
                + "\"entries\":\"SHORTLIST_OF:" + ROUND + "\"}", "application/json"));
        HttpResponse<String> assigned = post(finalRound + "/assignments", ORGANISER, "{\"mode\":\"AUTO\"}",
                "application/json");
        expect(200, assigned);
        long assignedAt = Long.parseLong(assigned.headers().firstValue("Ledger-Position").orElseThrow());
        List<String[]> work = new ArrayList<>();
        for (Map.Entry<String, String> juror : tokens.entrySet()) {
            JSON.readTree(caughtUp(finalRound + "/assignments/mine?minPosition=" + assignedAt, juror.getValue(),
                    assignedAt)).forEach(entry -> work.add(new String[] {juror.getValue(),
                    entry.get("submissionId").asText()}));
        }
        Collections.shuffle(work, new java.util.Random(11));
        long before = JSON.readTree(get("/api/audit/head", null).body()).get("position").asLong();
        Load load = scoreAll(work, finalRound);
        long after = JSON.readTree(get("/api/audit/head", null).body()).get("position").asLong();
        System.out.printf(Locale.ROOT, "| final round: %,d scores through HTTP (16 clients) | %.1f s = %,.0f scores/s, "
                        + "%,.0f events/s (%d refused) |%n", load.commands(), load.seconds(),
                load.commands() / load.seconds(), (after - before) / load.seconds(), load.failures().get());
        System.out.printf(Locale.ROOT, "| final round: score command latency p50 / p99 | %.1f / %.1f ms |%n",
                percentile(load.latencies(), 50), percentile(load.latencies(), 99));
        long t0 = System.nanoTime();
        JsonNode check = JSON.readTree(expect(200, post("/api/audit/rebuild-check", ORGANISER, "",
                "application/json")));
        double replay = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "| full replay: every view rebuilt from position 0 (%,d events) | %.1f s = "
                        + "%,.0f events/s; digests equal the live views: %s |%n", check.get("position").asLong(), replay,
                check.get("position").asLong() / replay, check.get("ok").asBoolean());
    }

    /** Reads as a careful client: again until the answer says the views have reached the position. */
    private String caughtUp(String path, String authorization, long position) throws InterruptedException {
        while (true) {
            HttpResponse<String> response = get(path, authorization);
            expect(200, response);
            if (Long.parseLong(response.headers().firstValue("Projection-Position").orElse("0")) >= position) {
                return response.body();
            }
            Thread.sleep(200);
        }
    }

    private List<Long> readUnderLoad(String path, int perReader) throws Exception {
        List<Long> reads = Collections.synchronizedList(new ArrayList<>());
        inParallel(64, r -> {
            for (int i = 0; i < perReader; i++) {
                long t0 = System.nanoTime();
                expect(200, get(path, ORGANISER));
                reads.add(System.nanoTime() - t0);
            }
        });
        return reads;
    }

    /** The cheapest answer the application has (two flags), through Tomcat, Spring Security, Spring MVC and the metrics. */
    private static final String LIVENESS = "/actuator/health/liveness";

    /** How long each of the 64 dashboards waits between two reads of the top 100 during the mixed load. */
    private static final int DASHBOARD_PAUSE_MS = 250;

    private record Mixed(Load load, List<Long> reads, long readFailures, List<Long> pushes) {
    }

    /**
     * Revisions from 16 clients while 64 dashboards each read {@code dashboardRead} (the top 100, or the floor under
     * it) every {@link #DASHBOARD_PAUSE_MS} ms with the organiser's account, and the organiser's live stream is open:
     * every read's latency, and for every acknowledged revision the time until a pushed standings covered its position.
     */
    private Mixed mixedLoad(List<String[]> work, int revisions, String dashboardRead) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + round() + "/standings/stream?top=10"))
                .header("Authorization", ORGANISER).build();
        HttpResponse<java.io.InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        java.util.concurrent.ConcurrentSkipListMap<Long, Long> pushedAt = new java.util.concurrent.ConcurrentSkipListMap<>();
        Thread streamReader = daemon(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        pushedAt.putIfAbsent(Long.parseLong(line.substring(3).trim()), System.nanoTime());
                    }
                }
            } catch (IOException ignored) {
                // stream closed at the end
            }
        });
        java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Long> reads = Collections.synchronizedList(new ArrayList<>());
        AtomicLong readFailures = new AtomicLong();
        List<Thread> dashboards = new ArrayList<>();
        for (int d = 0; d < 64; d++) {
            dashboards.add(daemon(() -> {
                while (loading.get()) {
                    long t0 = System.nanoTime();
                    if (get(dashboardRead, ORGANISER).statusCode() != 200) {
                        readFailures.incrementAndGet();
                    }
                    reads.add(System.nanoTime() - t0);
                    try {
                        Thread.sleep(DASHBOARD_PAUSE_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        List<String[]> mine = work.subList(0, revisions);
        int slice = (mine.size() + 15) / 16;
        for (int c = 0; c < 16; c++) {
            List<String[]> part = mine.subList(Math.min(mine.size(), c * slice), Math.min(mine.size(), (c + 1) * slice));
            int client = c;
            futures.add(clients.submit(() -> {
                java.util.Random random = new java.util.Random(client);
                for (String[] item : part) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = post(round() + "/scores", item[0], score(item[1], random),
                            "application/json", "X-Reason", "benchmark: a second look");
                    long done = System.nanoTime();
                    latencies.add(done - t0);
                    if (response.statusCode() != 201) {
                        failures.incrementAndGet();
                    } else {
                        acknowledged.put(Long.parseLong(response.headers().firstValue("Ledger-Position").orElse("0")),
                                done);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        long last = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pushedAt.ceilingKey(last) == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        loading.set(false);
        for (Thread dashboard : dashboards) {
            dashboard.join(10_000);
        }
        stream.body().close();
        streamReader.join(5_000);
        List<Long> pushes = new ArrayList<>();
        acknowledged.forEach((position, at) -> {
            Map.Entry<Long, Long> push = pushedAt.ceilingEntry(position);
            // Never pushed within 5 s of the end: counted as the 5 s it waited at least.
            pushes.add(push == null ? Duration.ofSeconds(5).toNanos() : Math.max(0, push.getValue() - at));
        });
        return new Mixed(new Load(revisions, seconds, latencies, failures), reads, readFailures.get(), pushes);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "bench-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private List<Long> measurePushes(List<String[]> work, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + round() + "/standings/stream?top=10"))
                .header("Authorization", ORGANISER).build();
        HttpResponse<java.io.InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        Map<Long, Long> seen = new ConcurrentHashMap<>();
        AtomicLong highest = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        long position = Long.parseLong(line.substring(3).trim());
                        seen.put(position, System.nanoTime());
                        highest.accumulateAndGet(position, Math::max);
                    }
                }
            } catch (IOException ignored) {
                // stream closed at the end
            }
        });
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);
        List<Long> delays = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < count; i++) {
            String[] item = work.get(i);
            HttpResponse<String> response = post(round() + "/scores", item[0], score(item[1], random),
                    "application/json", "X-Reason", "benchmark revision " + i);
            long acknowledged = System.nanoTime();
            long position = Long.parseLong(response.headers().firstValue("Ledger-Position").orElse("0"));
            long deadline = acknowledged + Duration.ofSeconds(5).toNanos();
            while (highest.get() < position && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Long pushedAt = seen.entrySet().stream().filter(e -> e.getKey() >= position).map(Map.Entry::getValue)
                    .min(Long::compare).orElse(System.nanoTime());
            delays.add(Math.max(0, pushedAt - acknowledged));
            Thread.sleep(50);
        }
        stream.body().close();
        return delays;
    }

    private static String score(String submission, java.util.Random random) {
        return "{\"submissionId\":\"" + submission + "\",\"marks\":{\"artistic-impact\":" + random.nextInt(11)
                + ",\"thematic-expression\":" + random.nextInt(11) + ",\"innovative-ai-use\":" + random.nextInt(11)
                + "},\"comment\":\"\"}";
    }

    private static Map<String, Object> criterion(String id, double weight) {
        return Map.of("id", id, "name", id, "weight", weight, "min", 0, "max", 10);
    }

    private String round() {
        return "/api/competitions/" + COMPETITION + "/rounds/" + ROUND;
    }

    private void awaitUp(Process app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application exited (" + app.exitValue() + ") before it answered");
            }
            try {
                if (get("/api/audit/head", null).statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the application did not start");
    }

    /** The application's garbage-collector pauses so far, from its metrics: how many, and their seconds in all. */
    private double[] collectorPauses() {
        double count = 0;
        double seconds = 0;
        for (String line : get("/actuator/prometheus", AUDITOR).body().split("\n")) {
            double value = line.startsWith("jvm_gc_pause_seconds_") ? Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) : 0;
            if (line.startsWith("jvm_gc_pause_seconds_count{")) {
                count += value;
            } else if (line.startsWith("jvm_gc_pause_seconds_sum{")) {
                seconds += value;
            }
        }
        return new double[] {count, seconds};
    }

    private HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private HttpResponse<String> post(String path, String authorization, String body, String type, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " from " + response.uri() + " but got "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static double percentile(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
