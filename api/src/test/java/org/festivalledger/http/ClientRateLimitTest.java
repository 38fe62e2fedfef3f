package org.festivalledger.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.Api;
import org.festivalledger.FestivalLedgerApplication;
import org.festivalledger.Festival;
import org.festivalledger.RawHttp;
import org.festivalledger.RawHttp.Answer;
import org.festivalledger.ledger.LedgerLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client rate limit, on an application of its own with a small bucket (5 requests, then one every 20 s): the sixth
 * request in a row is answered 429 with a problem and {@code Retry-After}, before authentication and before
 * anything is recorded; another client address is not held back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ClientRateLimitTest {

    static {
        FestivalLedgerApplication.quietAxon();
    }

    @LocalServerPort
    int port;

    @Autowired
    LedgerLog ledger;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("ledger-rate-limit-test").toString();
        registry.add("ledger.data-dir", () -> data);
        registry.add("server.shutdown", () -> "immediate");
        registry.add("ledger.http.rate-limit.enabled", () -> "true");
        registry.add("ledger.http.rate-limit.burst", () -> "5");
        registry.add("ledger.http.rate-limit.requests-per-second", () -> "0.05");
    }

    @Test
    void aClientPastItsBurstIsAnswered429WithRetryAfterAndNothingIsRecorded() {
        RawHttp client = new RawHttp(port, "127.0.0.1");
        for (int i = 0; i < 5; i++) {
            assertThat(client.send("GET", "/api/audit/head", Map.of(), null).status()).as("request %d", i + 1)
                    .isEqualTo(200);
        }
        long head = ledger.head().position();

        Answer limited = client.send("POST", "/api/competitions", Map.of("Authorization", basic(Api.ORGANISER),
                "Content-Type", "application/json"), json(Festival.competition("never-announced")));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asText()).isEqualTo("https://festival-ledger.org/problems/rate-limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 20);
        assertThat(client.send("GET", "/api/competitions/never-announced", Map.of("Authorization",
                basic("organiser:wrong-password")), null).status()).as("counted before the password is checked")
                .isEqualTo(429);
        assertThat(ledger.head().position()).isEqualTo(head);

        RawHttp otherClient = new RawHttp(port, "127.0.0.2");
        assertThat(otherClient.send("GET", "/api/audit/head", Map.of(), null).status()).isEqualTo(200);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(Object value) {
        try {
            return new ObjectMapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
