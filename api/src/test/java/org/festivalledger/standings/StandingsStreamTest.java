package org.festivalledger.standings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An organiser's open standings stream receives the new standings after a juror's score. */
class StandingsStreamTest extends LedgerTestApplication {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aScoreIsPushedToTheOrganisersStream() throws Exception {
        Judging judging = Judging.with(api, "sse-" + UUID.randomUUID().toString().substring(0, 6), 4, 2);
        judging.openRound("preliminary", 2, "MEAN", 2);
        judging.autoAssign("preliminary");

        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + judging.path("preliminary") + "/standings/stream"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("organiser:organiser-demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> stream = response.get(10, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            Iterator<String> lines = stream.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:")) {
                    try {
                        events.add(JSON.readTree(line.substring(5)));
                    } catch (Exception ignored) {
                        // a partial line; the next event will do
                    }
                }
            }
        });
        reader.setDaemon(true);
        reader.start();

        JsonNode initial = events.poll(10, TimeUnit.SECONDS);
        assertThat(initial).isNotNull();
        assertThat(initial.get("rows").get(0).get("scoresCount").asInt()).isZero();

        String entry = judging.mine("preliminary", "juror-1").get(0).get("submissionId").asText();
        Reply scored = judging.score("preliminary", "juror-1", entry, 7, 7, 7, null);
        assertThat(scored.status()).isEqualTo(201);

        JsonNode pushed = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode next = events.poll(200, TimeUnit.MILLISECONDS);
            if (next != null && next.get("ledgerPosition").asLong() >= scored.ledgerPosition()) {
                pushed = next;
                break;
            }
        }
        assertThat(pushed).as("an update after the score").isNotNull();
        assertThat(pushed.get("rows").get(0).get("submissionId").asText()).isEqualTo(entry);
        assertThat(pushed.get("rows").get(0).get("score").decimalValue()).isEqualByComparingTo("7");
    }
}
