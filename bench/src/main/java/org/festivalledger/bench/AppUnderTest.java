package org.festivalledger.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application as its own process on a data directory, for the benchmarks that drive it over HTTP:
 * started, stopped (or killed), and its data removed when the benchmark is done.
 */
final class AppUnderTest implements AutoCloseable {

    /** Daemon threads only: a benchmark's JVM must exit when its main method returns. */
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            // HTTP/1.1 as the browsers and wrk speak to it; no h2c upgrade dance on every new connection.
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "bench-http");
                thread.setDaemon(true);
                return thread;
            })).build();

    final Path jar;
    final Path data;
    final int port;
    private final List<String> arguments;
    private Process process;

    private AppUnderTest(Path jar, Path data, int port, List<String> arguments) {
        this.jar = jar;
        this.data = data;
        this.port = port;
        this.arguments = arguments;
    }

    /** A fresh data directory and a free port; not started yet. */
    static AppUnderTest fresh(Path jar, String... arguments) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: mvn -B -q package -DskipTests (no " + jar + ")");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new AppUnderTest(jar, Files.createTempDirectory("festival-bench"), port, List.of(arguments));
    }

    /** Starts the application with {@code jvmOptions} and waits until it answers (at most five minutes). */
    AppUnderTest start(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--ledger.data-dir=" + data,
                // A benchmark measures capacity from one address, not the per-client limits.
                "--ledger.http.rate-limit.enabled=false", "--ledger.http.public-reads.per-client=0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        // The jar has no default passwords outside demo mode; the benchmark's accounts are given as a deployment would.
        builder.environment().put("LEDGER_ORGANISER_PASSWORD", "organiser-demo");
        builder.environment().put("LEDGER_AUDITOR_PASSWORD", "auditor-demo");
        process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("app.log").toFile())).start();
        awaitAnswer("/api/audit/head", Duration.ofMinutes(5));
        return this;
    }

    /** The same application on the same data and port, started with more arguments (not started yet). */
    AppUnderTest with(String... moreArguments) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of(moreArguments));
        return new AppUnderTest(jar, data, port, all);
    }

    /** The same application on the same data and port, launched from another jar (not started yet). */
    AppUnderTest launchedFrom(Path otherJar) {
        return new AppUnderTest(otherJar, data, port, arguments);
    }

    long pid() {
        return process.pid();
    }

    /** The last lines of the application's log, for a benchmark that fails to say why before its data goes. */
    String logTail(int lines) {
        return tail(data.resolve("app.log"), lines);
    }

    /** The last {@code lines} lines of a log file, or why there are none. */
    static String tail(Path file, int lines) {
        try (Stream<String> log = Files.lines(file)) {
            List<String> all = log.toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Polls {@code path} until it answers 200. */
    void awaitAnswer(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited; see " + data.resolve("app.log"));
            }
            try {
                if (get(path).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no 200 from " + path + " within " + timeout);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: what a power-less crash of the process looks like to the store. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, waiting for the clean shutdown. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Peak resident set size of the process so far, from /proc (Linux). */
    String peakRss() {
        return peakRss(process.pid());
    }

    static String peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** CPU time the process has used so far, all its threads (zero where the platform does not say). */
    static Duration cpuTime(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** CPU time this benchmark's own JVM has used so far: its clients share the cores with the application. */
    static Duration ownCpuTime() {
        return cpuTime(ProcessHandle.current().pid());
    }

    /** Stops the application and removes its data directory. */
    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        deleteTree(data);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
