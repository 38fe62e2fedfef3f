package org.festivalledger.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crowd takes turns: with every turn held, a public read waits and is then answered 503 with Retry-After,
 * without running; a read by anyone else, or a command, does not wait; a turn given back is taken by the next reader.
 */
class PublicReadTurnsTest {

    private static final int PER_CLIENT = 2;

    private final PublicReadTurns turns = new PublicReadTurns(new PublicReadTurns.Limits(1, Duration.ofMillis(200), 100,
            PER_CLIENT), new ProblemWriter(new ObjectMapper()));

    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final CountDownLatch leave = new CountDownLatch(1);

    @AfterEach
    void giveTheTurnBack() {
        leave.countDown();
        reader.shutdownNow();
    }

    @Test
    void aPublicReadWaitsForATurnAndIsAnsweredBusyWhenNoneComes() throws Exception {
        Future<?> first = holdTheOneTurn("/competitions/bjiff-aigc-2026");

        AtomicInteger served = new AtomicInteger();
        MockHttpServletResponse busy = new MockHttpServletResponse();
        turns.doFilter(get("/api/public/competitions/bjiff-aigc-2026/results"), busy,
                (request, response) -> served.incrementAndGet());

        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
        assertThat(busy.getContentType()).isEqualTo("application/problem+json");
        assertThat(busy.getContentAsString()).contains("https://festival-ledger.org/problems/busy");
        assertThat(served).as("a read without a turn does not run").hasValue(0);
        assertThat(turns.refused()).as("counted for the metrics").isOne();

        leave.countDown();
        first.get(10, TimeUnit.SECONDS);
        MockHttpServletResponse next = new MockHttpServletResponse();
        turns.doFilter(get("/"), next, (request, response) -> served.incrementAndGet());
        assertThat(served).as("the turn given back is the next reader's").hasValue(1);
        assertThat(next.getStatus()).isEqualTo(200);
    }

    @Test
    void onlyThePublicReadsTakeTurns() throws Exception {
        holdTheOneTurn("/");

        AtomicInteger served = new AtomicInteger();
        FilterChain counted = (request, response) -> served.incrementAndGet();
        turns.doFilter(get("/api/competitions/bjiff-aigc-2026/rounds/preliminary/standings"),
                new MockHttpServletResponse(), counted);
        turns.doFilter(get("/juror"), new MockHttpServletResponse(), counted);
        turns.doFilter(get("/competitions/bjiff-aigc-2026/rounds"), new MockHttpServletResponse(), counted);
        turns.doFilter(get("/api/public/log/checkpoint"), new MockHttpServletResponse(), counted);
        MockHttpServletRequest score = new MockHttpServletRequest("POST",
                "/api/competitions/bjiff-aigc-2026/rounds/preliminary/scores");
        score.setServletPath(score.getRequestURI());
        turns.doFilter(score, new MockHttpServletResponse(), counted);

        assertThat(served).as("served while the one turn is held").hasValue(5);
    }

    @Test
    void oneClientMayHaveOnlySoManyPublicReadsInProgressSoThatItCannotFillTheQueueAlone() throws Exception {
        Future<?> first = holdTheOneTurn("/"); // from 127.0.0.1, as every request here unless told otherwise
        ExecutorService waiting = Executors.newSingleThreadExecutor();
        try {
            Future<MockHttpServletResponse> second = waiting.submit(() -> read(get("/"))); // waits, then 503
            awaitQueued(1);

            long before = System.nanoTime();
            MockHttpServletResponse third = read(get("/"));
            assertThat(third.getStatus()).as("the client's third read at once").isEqualTo(429);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("answered without waiting for a turn")
                    .isLessThan(Duration.ofMillis(200));
            assertThat(third.getHeader("Retry-After")).isEqualTo("1");
            assertThat(third.getContentAsString()).contains("https://festival-ledger.org/problems/rate-limited");
            assertThat(turns.limited()).as("counted for the metrics").isOne();

            MockHttpServletRequest another = get("/");
            another.setRemoteAddr("192.0.2.7");
            assertThat(read(another).getStatus()).as("another client waits its turn as before").isEqualTo(503);
            assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(503);
        } finally {
            waiting.shutdownNow();
        }

        leave.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(turns.readsInProgress()).as("every read over, whichever way it ended: none counted").isZero();
        assertThat(read(get("/")).getStatus()).as("the client may read again").isEqualTo(200);
    }

    private MockHttpServletResponse read(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        turns.doFilter(request, response, (req, res) -> { });
        return response;
    }

    private void awaitQueued(int readers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (turns.waiting() < readers && System.nanoTime() < deadline) {
            Thread.sleep(5); // polls for a state, and proves nothing by waiting
        }
        assertThat(turns.waiting()).isEqualTo(readers);
    }

    /** A reader in another thread takes the one turn and keeps it until the test ends (or {@link #leave}). */
    private Future<?> holdTheOneTurn(String path) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Future<?> holding = reader.submit(() -> {
            turns.doFilter(get(path), new MockHttpServletResponse(), (request, response) -> {
                inside.countDown();
                await(leave);
            });
            return null;
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return holding;
    }

    /** The answer is kept while it is drawn and sent after the turn: a client that reads slowly holds no turn. */
    @Test
    void anAnswerIsSentToTheClientAfterItsTurnIsGivenBack() throws Exception {
        AtomicInteger servedWhileSending = new AtomicInteger();
        MockHttpServletResponse client = new MockHttpServletResponse() {
            @Override
            public jakarta.servlet.ServletOutputStream getOutputStream() {
                jakarta.servlet.ServletOutputStream sent = super.getOutputStream();
                return new jakarta.servlet.ServletOutputStream() {
                    @Override
                    public void write(int b) throws java.io.IOException {
                        if (servedWhileSending.get() == 0) { // as the answer goes out: is the one turn free?
                            try {
                                turns.doFilter(get("/"), new MockHttpServletResponse(),
                                        (request, response) -> servedWhileSending.incrementAndGet());
                            } catch (jakarta.servlet.ServletException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        sent.write(b);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(jakarta.servlet.WriteListener listener) {
                        throw new UnsupportedOperationException("blocking writes only, as the filter's");
                    }
                };
            }
        };

        turns.doFilter(get("/competitions/bjiff-aigc-2026"), client,
                (request, response) -> response.getOutputStream().write("the results".getBytes()));

        assertThat(client.getContentAsString()).isEqualTo("the results");
        assertThat(servedWhileSending).hasValue(1);
        assertThat(turns.refused()).isZero();
    }

    /** A GET as the dispatcher sees it (its servlet is mapped to "/", so the servlet path is the whole path). */
    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        return request;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
