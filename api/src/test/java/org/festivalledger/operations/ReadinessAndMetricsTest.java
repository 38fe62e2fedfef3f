package org.festivalledger.operations;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.festivalledger.Api;
import org.festivalledger.Api.Reply;
import org.festivalledger.AppProcess;
import org.festivalledger.FestivalLedgerApplication;
import org.festivalledger.Judging;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that starts on a ledger that already holds events is not ready until its views have folded the log up to
 * the head it found: here one view (a test view that waits at a gate) is held back, so the node is observed in the
 * middle of its fold without racing it. Metrics show the views' lag; a normal start logs no warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadinessAndMetricsTest {

    static {
        FestivalLedgerApplication.quietAxon();
    }

    /** A view that cannot get past its first event until the test opens the gate. */
    @ProcessingGroup("readiness-gate")
    static class GatedView {
        static final CountDownLatch GATE = new CountDownLatch(1);

        @EventHandler
        void on(Object event) throws InterruptedException {
            GATE.await(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void readinessIsDownWhileTheViewsFoldTheLogAndUpAfterAndMetricsShowTheirLag(CapturedOutput output)
            throws Exception {
        Path data = Files.createTempDirectory("ledger-readiness-test");
        long head;
        try (ConfigurableApplicationContext first = start(data)) {
            Api api = new Api(port(first));
            Judging.with(api, "readiness-fold", 40, 3);
            head = api.get("/api/audit/head").send().json().get("position").asLong();
        }
        int startOfSecondNode = output.length();
        String secondStart;

        try (ConfigurableApplicationContext second = start(data, GatedView.class)) {
            Api api = new Api(port(second));
            Reply folding = api.get("/actuator/health/readiness").send();
            assertThat(folding.status()).as(folding.toString()).isEqualTo(503);
            assertThat(folding.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(api.get("/actuator/health/liveness").send().json().get("status").asText()).isEqualTo("UP");
            String metrics = api.get("/actuator/prometheus").as(Api.AUDITOR).send().body();
            assertThat(gauge(metrics, "ledger_view_lag_events{view=\"readiness-gate\"}")).isPositive();
            assertThat(gauge(metrics, "ledger_events_total")).isEqualTo(head);

            GatedView.GATE.countDown();
            Reply ready = awaitReady(api);
            secondStart = output.toString().substring(startOfSecondNode);
            assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
            assertThat(ready.json().get("status").asText()).isEqualTo("UP");

            Reply announced = api.post("/api/competitions").as(Api.ORGANISER)
                    .json(org.festivalledger.Festival.competition("readiness-after")).send();
            assertThat(announced.status()).isEqualTo(201);
            assertThat(api.get("/api/competitions?minPosition=" + announced.ledgerPosition()).as(Api.ORGANISER).send()
                    .header("Projection-Position")).isEqualTo(Long.toString(announced.ledgerPosition()));
            metrics = api.get("/actuator/prometheus").as(Api.AUDITOR).send().body();
            for (String view : new String[]{"competitions", "submissions", "judging", "programme", "readiness-gate"}) {
                assertThat(gauge(metrics, "ledger_view_lag_events{view=\"" + view + "\"}")).as(view).isZero();
            }
            assertThat(gauge(metrics, "ledger_standings_subscribers")).isZero();
            assertThat(gauge(metrics, "ledger_store_size_bytes")).isPositive();
            assertThat(gauge(metrics, "ledger_public_reads_waiting")).isZero();
            assertThat(gauge(metrics, "ledger_public_reads_busy_total")).isZero();
            assertThat(gauge(metrics, "ledger_public_reads_limited_total")).isZero();
            // Axon's command meters (axon-micrometer), tagged by command
            assertThat(gauge(metrics, "commandBus_successCounter_total{payloadType=\"AnnounceCompetition\"}")).isOne();
        }
        assertThat(secondStart).contains("Ledger head at start: position " + head)
                .contains("Views caught up with the ledger head at start (position " + head + ")");
        assertThat(Arrays.stream(secondStart.split("\n")).filter(line -> line.contains(" WARN ")).toList())
                .as("a normal start warns of nothing").isEmpty();
    }

    /**
     * A start in a fresh JVM (warnings some libraries print once per JVM would hide in a shared one) on a ledger that
     * holds events: it logs the head it found and when the views caught up, and no warning, up to readiness.
     */
    @Test
    void aNormalStartLogsItsPhasesAndNoWarning() throws Exception {
        Path data = Files.createTempDirectory("ledger-normal-start").resolve("data");
        long head;
        try (AppProcess first = AppProcess.start(data)) {
            Judging.with(first.api(), "normal-start", 20, 3);
            head = first.api().get("/api/audit/head").send().json().get("position").asLong();
        }
        try (AppProcess second = AppProcess.start(data)) {
            assertThat(awaitReady(second.api()).status()).isEqualTo(200);
            List<String> log = Files.readAllLines(second.log());
            assertThat(log).anyMatch(line -> line.contains("Ledger head at start: position " + head))
                    .anyMatch(line -> line.contains("Views caught up with the ledger head at start (position " + head));
            assertThat(log.stream().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList())
                    .as("a normal start (see %s)", second.log()).isEmpty();
        }
    }

    @Test
    void livenessIsDownOnceTheEmbeddedStoreIsClosedUnderTheRunningNode() throws Exception {
        try (ConfigurableApplicationContext node = start(Files.createTempDirectory("ledger-liveness-test"))) {
            Api api = new Api(port(node));
            assertThat(awaitReady(api).status()).isEqualTo(200);
            Reply alive = api.get("/actuator/health/liveness").as(Api.AUDITOR).send();
            assertThat(alive.status()).as(alive.toString()).isEqualTo(200);
            assertThat(alive.json().at("/components/embeddedStore/status").asText()).isEqualTo("UP");

            // What H2 does by itself after an error inside a commit (an OutOfMemoryError, ADR 0012).
            node.getBean(EmbeddedMongoStore.class).close();

            Reply dead = api.get("/actuator/health/liveness").as(Api.AUDITOR).send();
            assertThat(dead.status()).as(dead.toString()).isEqualTo(503);
            assertThat(dead.json().at("/components/embeddedStore/status").asText()).isEqualTo("DOWN");
            assertThat(api.get("/actuator/health/liveness").send().status()).as("anonymous too").isEqualTo(503);
        }
    }

    @Test
    void healthIsPublicAndMetricsAreTheAuditors() throws Exception {
        try (ConfigurableApplicationContext node = start(Files.createTempDirectory("ledger-operations-test"))) {
            Api api = new Api(port(node));
            assertThat(awaitReady(api).status()).isEqualTo(200);
            assertThat(api.get("/actuator/health").send().status()).isEqualTo(200);
            assertThat(api.call("HEAD", "/actuator/health/readiness").send().status()).isEqualTo(200);
            Reply anonymous = api.get("/actuator/prometheus").send();
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.get("/actuator/prometheus").as(Api.ORGANISER).send().status()).isEqualTo(403);
            assertThat(api.get("/actuator/prometheus").as(Api.AUDITOR).send().status()).isEqualTo(200);
            assertThat(api.get("/actuator/env").as(Api.AUDITOR).send().status()).isIn(403, 404);
            assertThat(api.post("/actuator/health").send().status()).isIn(401, 403, 405);
        }
    }

    private static ConfigurableApplicationContext start(Path data, Class<?>... extra) {
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = FestivalLedgerApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        // Arguments, not default properties: those would lose to application.yml.
        return new SpringApplicationBuilder(sources).run(
                "--ledger.data-dir=" + data, "--server.port=0", "--server.shutdown=immediate",
                "--spring.lifecycle.timeout-per-shutdown-phase=5s", "--ledger.http.rate-limit.enabled=false");
    }

    /** Polls readiness until it is UP (at most a minute): waiting for the state expected, not proving an absence. */
    private static Reply awaitReady(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Reply ready = api.get("/actuator/health/readiness").send();
        while (ready.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            ready = api.get("/actuator/health/readiness").send();
        }
        return ready;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static double gauge(String metrics, String series) {
        return Arrays.stream(metrics.split("\n")).filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip())).findFirst()
                .orElseThrow(() -> new AssertionError(series + " not in the metrics"));
    }
}
