package org.festivalledger;

import org.festivalledger.ledger.RealMongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application as a separate operating-system process on the test's classpath, so a test can kill it
 * with SIGKILL the way a crash or the OOM killer would, and start it again on the same data.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application on a free port with its embedded store in {@code dataDirectory}. */
    public static AppProcess start(Path dataDirectory, String... arguments) {
        return start(dataDirectory, List.of("-Xmx512m"), arguments);
    }

    /**
     * Starts the application with the given JVM options (the heap size among them) on a free port, with its
     * embedded store in {@code dataDirectory}.
     */
    public static AppProcess start(Path dataDirectory, List<String> jvmOptions, String... arguments) {
        return launch(jvmOptions, List.of("-cp", System.getProperty("java.class.path"),
                "org.festivalledger.FestivalLedgerApplication"), dataDirectory, arguments);
    }

    /** Starts the packaged application ({@code java -jar}), as it ships, on a free port over {@code dataDirectory}. */
    public static AppProcess startPackaged(Path jar, Path dataDirectory, String... arguments) {
        return launch(List.of("-Xmx512m"), List.of("-jar", jar.toString()), dataDirectory, arguments);
    }

    /**
     * Starts the application from the layout {@code prepare-fast-start.sh} made in {@code prepared}, with its
     * class-data-sharing archive required ({@code -Xshare:on}: the JVM refuses to start if it cannot use it).
     */
    public static AppProcess startPrepared(Path prepared, Path dataDirectory, String... arguments) {
        String archive = "-XX:SharedArchiveFile=" + prepared.resolve("festival-ledger.jsa");
        return launch(List.of("-Xmx512m", "-Xshare:on", archive),
                List.of("-jar", prepared.resolve("festival-ledger.jar").toString()), dataDirectory, arguments);
    }

    /**
     * Runs the packaged application expecting it to refuse to start: waits for it to exit (at most
     * {@code timeout}) and gives its exit status and everything it printed.
     */
    public static Exited runPackagedToExit(Path jar, Path dataDirectory, Duration timeout, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + freePort(), "--ledger.data-dir=" + dataDirectory));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Whatever the machine running the tests has set, the application must find no password here.
        builder.environment().keySet().removeIf(name -> name.startsWith("LEDGER_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the application did not exit within " + timeout + ":\n" + output);
        }
        return new Exited(process.exitValue(), output);
    }

    /** How a process that was expected to exit ended. */
    public record Exited(int status, String output) {
    }

    private static AppProcess launch(List<String> jvmOptions, List<String> launcher, Path dataDirectory,
                                     String... arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(launcher);
        // Every request of a test comes from one address, which the per-client rate limit is not meant for.
        command.addAll(List.of("--server.port=" + port, "--ledger.data-dir=" + dataDirectory,
                "--ledger.http.rate-limit.enabled=false"));
        command.addAll(List.of(arguments));
        // Under -Pmongodb with MONGODB_URI: on the real MongoDB, in a database of this data directory's own, so a
        // restart "on the same data" finds it again. A test that names its MongoDB itself keeps it.
        if (RealMongo.uri().isPresent() && List.of(arguments).stream().noneMatch(a -> a.startsWith("--ledger.mongodb-uri"))) {
            command.addAll(List.of("--ledger.mongodb-uri=" + RealMongo.uri().get(),
                    "--ledger.database=" + RealMongo.databaseFor(dataDirectory.toAbsolutePath().toString())));
        }
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-" + port + ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            AppProcess app = new AppProcess(process, port, log);
            try {
                app.awaitReady(Duration.ofSeconds(90));
            } catch (RuntimeException notReady) {
                process.destroyForcibly();
                throw notReady;
            }
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        Api api = new Api(port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue()
                        + "; see " + log);
            }
            try {
                if (api.get("/api/audit/head").send().status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            sleep(200);
        }
        throw new IllegalStateException("the application did not start within " + timeout + "; see " + log);
    }

    public Api api() {
        return new Api(port);
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where the process writes its output (kept beside the data directory, for a failing test to point at). */
    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: a clean shutdown. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
