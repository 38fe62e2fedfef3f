package org.festivalledger.http;

import org.festivalledger.Api.Reply;
import org.festivalledger.Festival;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.RawHttp;
import org.festivalledger.RawHttp.Answer;
import org.festivalledger.programme.ProgrammeSchedule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * Limits on what a client can make the server hold: public paths are read-only before any body is read, waits for
 * catching-up views are bounded per client, and an unknown bearer token is not held while a view is behind.
 */
class OperationalLimitsTest extends LedgerTestApplication {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    CatchUpWaits waits;

    @Test
    void aPublicPathAnswersOnlyGetAndHeadAndRefusesAnythingElseBeforeReadingItsBody() {
        long head = ledger.head().position();
        RawHttp http = new RawHttp(port);
        byte[] large = "x".repeat(2_000_000).getBytes(StandardCharsets.US_ASCII);
        for (String method : new String[]{"POST", "PUT", "DELETE", "PATCH"}) {
            Answer refused = http.send(method, "/api/public/competitions/anything/results",
                    Map.of("Content-Type", "application/json", "Idempotency-Key", "public-" + method), large);
            assertThat(refused.status()).as(method).isEqualTo(405);
            assertThat(refused.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(http.send("POST", "/api/%70ublic/log/checkpoint", Map.of(), null).status())
                .as("an encoded letter does not slip past").isIn(400, 405);
        assertThat(ledger.head().position()).isEqualTo(head);
    }

    @Test
    void aClientMayHoldOnlyTwoWaitsForCatchingUpViewsAtOnce() throws Exception {
        EventProcessor schedule = processing.eventProcessor(ProgrammeSchedule.PROCESSING_GROUP).orElseThrow();
        schedule.shutDown();
        CompletableFuture<Reply> first;
        CompletableFuture<Reply> second;
        try {
            String competition = "waits-" + UUID.randomUUID().toString().substring(0, 6);
            Reply announced = api.post("/api/competitions").as(ORGANISER).json(Festival.competition(competition)).send();
            assertThat(announced.status()).isEqualTo(201);
            String query = "/api/competitions/" + competition + "?minPosition=" + announced.ledgerPosition();
            first = CompletableFuture.supplyAsync(() -> api.get(query).as(ORGANISER).send());
            second = CompletableFuture.supplyAsync(() -> api.get(query).as(ORGANISER).send());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            while (waits.holding() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(waits.holding()).as("both waits are being held").isEqualTo(2);

            long started = System.nanoTime();
            Reply third = api.get(query).as(ORGANISER).send();

            assertThat(third.status()).as(third.toString()).isEqualTo(429);
            assertThat(third.header("Retry-After")).isEqualTo("1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        } finally {
            schedule.start();
        }
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    /**
     * A token the board does not know waits for a board that is behind (a juror appointed a moment ago on another
     * node), but only within the client's allowance of catch-up waits: a client holding its allowance has every
     * further unknown token refused at once, so forged tokens cannot pin request threads.
     */
    @Test
    void anUnknownBearerTokenWaitsOnlyWithinTheClientsAllowanceWhileTheJurorsViewIsBehind() throws Exception {
        EventProcessor board = processing.eventProcessor("judging").orElseThrow();
        board.shutDown();
        ExecutorService clients = Executors.newFixedThreadPool(waits.limits().waitsPerClient());
        try {
            String competition = "tokens-" + UUID.randomUUID().toString().substring(0, 6);
            assertThat(api.post("/api/competitions").as(ORGANISER).json(Festival.competition(competition)).send()
                    .status()).isEqualTo(201);
            String forged = "Bearer jt_" + "Q".repeat(43);
            List<Future<Reply>> waiting = new ArrayList<>();
            for (int i = 0; i < waits.limits().waitsPerClient(); i++) {
                waiting.add(clients.submit(() -> api.get("/api/competitions").header("Authorization", forged).send()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (waits.holding() < waits.limits().waitsPerClient() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(waits.holding()).as("the client's allowance is held").isEqualTo(waits.limits().waitsPerClient());
            long started = System.nanoTime();

            Reply refused = api.get("/api/competitions").header("Authorization", forged).send();

            assertThat(refused.status()).isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
            for (Future<Reply> reply : waiting) {
                assertThat(reply.get(30, TimeUnit.SECONDS).status()).isEqualTo(401);
            }
        } finally {
            clients.shutdownNow();
            board.start();
        }
    }
}
