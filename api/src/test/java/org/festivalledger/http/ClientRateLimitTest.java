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
import org.mockito.Mockito;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client limits on an application of their own: the rate limit (who the client is: its address, a trusted
 * proxy's word for it, an IPv6 /64) and failed sign-ins (per account, per client; refused without a password check).
 * <p>
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
        registry.add("ledger.http.trusted-proxies", () -> "127.0.0.1/32, ::1");
        registry.add("ledger.security.sign-in.free-failures-per-account", () -> "2");
        registry.add("ledger.security.sign-in.free-failures-per-address", () -> "3");
        registry.add("ledger.security.sign-in.first-delay", () -> "1m");
    }

    @MockitoSpyBean
    PasswordEncoder passwords;

    @Test
    void aForwardedForHeaderFromAClientThatIsNoTrustedProxyIsIgnored() {
        RawHttp client = new RawHttp(port, "127.0.0.3");
        for (int i = 0; i < 5; i++) {
            assertThat(client.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "198.51.100." + i), null)
                    .status()).as("request %d", i + 1).isEqualTo(200);
        }
        Answer limited = client.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "198.51.100.99"), null);
        assertThat(limited.status()).as("counted against 127.0.0.3 whatever it claims").isEqualTo(429);
    }

    @Test
    void aTrustedProxyNamesTheClientItForwardedFor() {
        RawHttp proxy = new RawHttp(port, "127.0.0.1");
        for (int i = 0; i < 5; i++) {
            assertThat(proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "203.0.113.7"), null).status())
                    .as("request %d", i + 1).isEqualTo(200);
        }
        assertThat(proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "203.0.113.7"), null).status())
                .isEqualTo(429);
        assertThat(proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "203.0.113.8"), null).status())
                .as("another client behind the same proxy").isEqualTo(200);
        // Read from the right: a client cannot pick its address by writing the header itself before the proxy.
        for (int i = 0; i < 5; i++) {
            assertThat(proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "10.9.9." + i + ", 203.0.113.9"),
                    null).status()).isEqualTo(200);
        }
        assertThat(proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "10.9.9.77, 203.0.113.9"), null)
                .status()).isEqualTo(429);
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        RawHttp proxy = new RawHttp(port, "127.0.0.1");
        for (int i = 1; i <= 5; i++) {
            assertThat(proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "2001:db8:7:1::" + i), null)
                    .status()).as("address %d of the /64", i).isEqualTo(200);
        }
        assertThat(proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "2001:db8:7:1:ffff:1:2:3"), null)
                .status()).as("a sixth address of the same /64").isEqualTo(429);
        assertThat(proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "2001:db8:7:2::1"), null)
                .status()).as("the next /64").isEqualTo(200);
    }

    @Test
    void anAccountWithTooManyFailedSignInsIsRefusedWithRetryAfterWithoutCheckingThePassword() {
        RawHttp proxy = new RawHttp(port, "127.0.0.1");
        // Each attempt from its own client address: only the account's count applies.
        for (int i = 1; i <= 3; i++) {
            assertThat(proxy.send("GET", "/api/audit/verification", Map.of("X-Forwarded-For", "192.0.2." + i,
                    "Authorization", basic("auditor:guess-" + i)), null).status()).as("failure %d", i).isEqualTo(401);
        }
        Mockito.clearInvocations(passwords);

        Answer locked = proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "192.0.2.50",
                "Authorization", basic(Api.AUDITOR)), null);

        assertThat(locked.status()).as("even the right password, while locked out").isEqualTo(429);
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(locked.json().get("type").asText()).isEqualTo("https://festival-ledger.org/problems/rate-limited");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 60);
        assertThat(proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "192.0.2.51",
                "Authorization", basic("AUDITOR:another-guess")), null).status())
                .as("the same account, spelt in capitals").isEqualTo(429);
        Answer form = proxy.send("POST", "/organiser/login", Map.of("X-Forwarded-For", "192.0.2.53",
                "Content-Type", "application/x-www-form-urlencoded"),
                "username=auditor&password=auditor-demo".getBytes(StandardCharsets.UTF_8));
        assertThat(form.status()).as("the login form, for the same account").isEqualTo(429);
        Mockito.verify(passwords, Mockito.never()).matches(Mockito.any(), Mockito.any());
        assertThat(proxy.send("GET", "/api/audit/head", Map.of("X-Forwarded-For", "192.0.2.52"), null).status())
                .as("anonymous reads go on").isEqualTo(200);
    }

    @Test
    void aClientWithTooManyFailedSignInsIsRefusedForEveryAccount() {
        RawHttp proxy = new RawHttp(port, "127.0.0.1");
        Map<String, String> from = Map.of("X-Forwarded-For", "2001:db8:99::1");
        for (int i = 1; i <= 4; i++) {
            assertThat(proxy.send("GET", "/api/competitions", with(from, "Authorization", basic("nobody-" + i + ":x")),
                    null).status()).as("failure %d", i).isEqualTo(401);
        }
        Mockito.clearInvocations(passwords);

        Answer locked = proxy.send("GET", "/api/competitions", with(Map.of("X-Forwarded-For", "2001:db8:99::2"),
                "Authorization", basic(Api.ORGANISER)), null);

        assertThat(locked.status()).as("another address of the same /64, the organiser's right password")
                .isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        Mockito.verify(passwords, Mockito.never()).matches(Mockito.any(), Mockito.any());
        assertThat(proxy.send("GET", "/api/competitions", Map.of("X-Forwarded-For", "2001:db8:98::1",
                "Authorization", basic(Api.ORGANISER)), null).status()).as("another client").isEqualTo(200);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
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
