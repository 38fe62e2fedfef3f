package org.festivalledger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the HTTP tests: the whole application on a random port, on the embedded store in a fresh
 * directory. One application serves every test class that extends this (Spring caches the context),
 * so tests keep apart by using their own competition ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LedgerTestApplication {

    private static final Path DATA;

    static {
        FestivalLedgerApplication.quietAxon();
        try {
            DATA = Files.createTempDirectory("ledger-http-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.festivalledger.ledger.LedgerLog ledger;

    protected Api api;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA::toString);
        // The suite's JVM closes this application at exit: no need to drain requests gracefully then.
        registry.add("server.shutdown", () -> "immediate");
        registry.add("spring.lifecycle.timeout-per-shutdown-phase", () -> "5s");
        // Every test client shares one address; the per-client limit has its own test (ClientRateLimitTest).
        registry.add("ledger.http.rate-limit.enabled", () -> "false");
    }

    @org.junit.jupiter.api.BeforeEach
    void connect() {
        api = new Api(port);
    }

}
