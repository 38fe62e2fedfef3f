package org.festivalledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceremony crowd ({@code ./bench.sh public [jar …]}): the packaged application with the demo competitions,
 * the rate limit off, read by {@code wrk -t2 -c64} (Debian's {@code wrk}, loopback only) on the published JSON
 * results, the HTML results page and the home page; then a juror's scores timed alone and while the HTML page is
 * under the same load. Each jar given is measured in turn in the same run (the default: the one just built),
 * so a baseline jar beside it gives before and after with ratios from one run. Data is removed at the end.
 */
final class PublicBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AIGC = "bjiff-aigc-2026";
    private static final String STUDENTS = "/api/competitions/bjiff-students-2026/rounds/preliminary";
    private static final String JUROR = "Bearer jt_demo_student_1";
    private static final int SECONDS = 15;
    private static final int SCORES = 150;

    private PublicBenchmark() {
    }

    /** One wrk run: requests per second and latency percentiles in milliseconds. */
    record Wrk(double rate, double p50, double p99, long non2xx) {
    }

    static void main(String[] args) throws Exception {
        List<Path> jars = new ArrayList<>();
        for (String arg : args) {
            jars.add(Path.of(arg));
        }
        if (jars.isEmpty()) {
            jars.add(Path.of("api/target/festival-ledger.jar"));
        }
        System.out.printf("Public benchmark: wrk -t2 -c64 -d%ds per page, %d cores, Java %s, load average %s%n",
                SECONDS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (Path jar : jars) {
            measure(jar, table);
        }
        System.out.println();
        StringBuilder header = new StringBuilder("| measure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Path jar : jars) {
            header.append(' ').append(jar).append(" |");
            rule.append("---:|");
        }
        System.out.println(header);
        System.out.println(rule);
        table.forEach((measure, values) -> System.out.println("| " + measure + " | " + String.join(" | ", values) + " |"));
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    private static void measure(Path jar, Map<String, List<String>> table) throws Exception {
        try (AppUnderTest app = AppUnderTest.fresh(jar, "--ledger.demo.enabled=true")) {
            app.start("-Xmx1g");
            String json = "/api/public/competitions/" + AIGC + "/results";
            String page = "/competitions/" + AIGC;
            app.awaitAnswer(json, Duration.ofMinutes(5));
            List<String[]> entries = assignments(app);
            for (String path : List.of(json, page, "/")) {
                wrk(app, path, 5); // warm-up: JIT, caches
            }
            Wrk jsonRun = wrk(app, json, SECONDS);
            Wrk pageRun = wrk(app, page, SECONDS);
            Wrk homeRun = wrk(app, "/", SECONDS);
            List<Long> alone = score(app, entries, 0);
            Process crowd = wrkProcess(app, page, SECONDS + 30);
            Thread.sleep(2_000);
            List<Long> underLoad = score(app, entries, SCORES);
            crowd.destroy();
            crowd.waitFor(10, TimeUnit.SECONDS);
            put(table, "JSON results: requests/s", "%,.0f", jsonRun.rate());
            put(table, "JSON results: p50 / p99 ms", "%.1f / %.1f", jsonRun.p50(), jsonRun.p99());
            put(table, "HTML results page: requests/s", "%,.0f", pageRun.rate());
            put(table, "HTML results page: p50 / p99 ms", "%.1f / %.1f", pageRun.p50(), pageRun.p99());
            put(table, "HTML page / JSON rate", "%.0f %%", 100 * pageRun.rate() / jsonRun.rate());
            put(table, "home page: requests/s", "%,.0f", homeRun.rate());
            put(table, "home page: p50 / p99 ms", "%.1f / %.1f", homeRun.p50(), homeRun.p99());
            put(table, "non-2xx answers (all three)", "%d", jsonRun.non2xx() + pageRun.non2xx() + homeRun.non2xx());
            put(table, SCORES + " scores one by one, alone: p50 / p99 ms", "%.1f / %.1f", percentile(alone, 50),
                    percentile(alone, 99));
            put(table, SCORES + " scores while the HTML page is under wrk -c64: p50 / p99 ms", "%.1f / %.1f",
                    percentile(underLoad, 50), percentile(underLoad, 99));
            put(table, "application peak RSS", "%s", app.peakRss());
        }
    }

    private static void put(Map<String, List<String>> table, String measure, String format, Object value) {
        table.computeIfAbsent(measure, m -> new ArrayList<>()).add(String.format(Locale.ROOT, format, value));
    }

    private static void put(Map<String, List<String>> table, String measure, String format, Object a, Object b) {
        table.computeIfAbsent(measure, m -> new ArrayList<>()).add(String.format(Locale.ROOT, format, a, b));
    }

    private static List<String[]> assignments(AppUnderTest app) throws Exception {
        HttpResponse<String> mine;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        do { // the demo loads the student competition after the AIGC unit, and assigns its entries a moment later
            Thread.sleep(200);
            mine = AppUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + STUDENTS
                    + "/assignments/mine")).header("Authorization", JUROR).build(), HttpResponse.BodyHandlers.ofString());
        } while ((mine.statusCode() != 200 || !JSON.readTree(mine.body()).isArray() || JSON.readTree(mine.body()).isEmpty())
                && System.nanoTime() < deadline);
        List<String[]> entries = new ArrayList<>();
        JSON.readTree(mine.body()).forEach(entry -> entries.add(new String[] {entry.get("submissionId").asText()}));
        if (entries.isEmpty()) {
            throw new IllegalStateException("the demo juror has no assignment: " + mine.body());
        }
        return entries;
    }

    /** Scores (revisions after the first pass, hence always a reason) one at a time; the latencies. */
    private static List<Long> score(AppUnderTest app, List<String[]> entries, int offset) throws Exception {
        Random random = new Random(offset);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < SCORES; i++) {
            String entry = entries.get((offset + i) % entries.size())[0];
            String body = "{\"submissionId\":\"" + entry + "\",\"marks\":{\"artistic-impact\":" + (1 + random.nextInt(9))
                    + ",\"thematic-expression\":" + (1 + random.nextInt(9)) + ",\"innovative-ai-use\":"
                    + (1 + random.nextInt(9)) + "},\"comment\":\"\"}";
            long t0 = System.nanoTime();
            HttpResponse<String> response = AppUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(app.base()
                            + STUDENTS + "/scores")).header("Authorization", JUROR)
                    .header("Content-Type", "application/json").header("X-Reason", "benchmark revision " + i)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t0);
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                throw new IllegalStateException("score refused: " + response.statusCode() + " " + response.body());
            }
        }
        return latencies;
    }

    private static Process wrkProcess(AppUnderTest app, String path, int seconds) throws IOException {
        return new ProcessBuilder("wrk", "-t2", "-c64", "-d" + seconds + "s", "--latency", app.base() + path)
                .redirectErrorStream(true).start();
    }

    static Wrk wrk(AppUnderTest app, String path, int seconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = wrkProcess(app, path, seconds);
        } catch (IOException e) {
            throw new IllegalStateException("wrk is needed: apt-get install wrk", e);
        }
        StringBuilder out = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        process.waitFor();
        String text = out.toString();
        return new Wrk(number(text, "Requests/sec:\\s+([0-9.]+)"), millis(text, "50%"), millis(text, "99%"),
                (long) number(text, "Non-2xx or 3xx responses:\\s+([0-9]+)"));
    }

    private static double number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static double millis(String text, String percentile) {
        Matcher matcher = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(text);
        if (!matcher.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    static double percentile(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
