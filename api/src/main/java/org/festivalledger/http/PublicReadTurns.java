package org.festivalledger.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The crowd at a ceremony takes turns: the public reads ({@link PublicCaching#isPublic}: the home page, a
 * competition's results page, {@code /api/public/**}, but not the transparency log's proofs and checkpoints, which
 * verifiers read and which may wait for the log to catch up) are served at most {@code ledger.http.public-reads.at-once}
 * at a time (twice the cores by default), in the order they came. The others wait for a turn in their request thread,
 * which costs no CPU, at most {@code max-wait} (2 s), and are then answered 503 with {@code Retry-After: 1}; beyond
 * {@code max-waiting} readers waiting (100), at once. One client (address, as {@link ClientAddress} counts them) may
 * have at most {@code per-client} public reads in progress (16: waiting, drawn or being sent), so that it cannot fill
 * the queue alone; more are answered 429 at once. Readers behind one address (a venue's Wi-Fi, a carrier's NAT) share
 * that bound.
 *
 * <p>Why: each public read is cheap, but 64 readers at once had 64 threads sharing two cores, and a juror's score
 * waited behind all of them (issue #15, ./bench.sh public: p50 64–79 ms against 9 ms alone; with turns 24 ms). Taking turns costs the crowd
 * little (the cores are just as busy with a few at a time) and leaves a score competing with a few readers only. The
 * turn covers drawing the answer, not sending it: the answer is kept in memory and written to the client after the
 * turn is given back, so a client that reads slowly (or not at all) cannot hold a turn. Requests other than these
 * public reads (a juror's, an organiser's, an auditor's, an entrant's) never wait here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 18) // after HEAD became GET (HeadIsGet), before the kept answers (PublicCaching)
public class PublicReadTurns extends OncePerRequestFilter {

    /** The transparency log's public resources: verifiers', not the crowd's, and they may wait for the log. */
    private static final String LOG = "/api/public/log/";

    /**
     * The turns ({@code ledger.http.public-reads.*}); {@code atOnce} 0 or less means twice the cores, {@code perClient}
     * 0 or less means no bound per client.
     */
    @ConfigurationProperties("ledger.http.public-reads")
    public record Limits(@DefaultValue("0") int atOnce, @DefaultValue("2s") Duration maxWait,
                         @DefaultValue("100") int maxWaiting, @DefaultValue("16") int perClient) {

        public Limits {
            atOnce = atOnce > 0 ? atOnce : 2 * Runtime.getRuntime().availableProcessors();
            maxWait = maxWait == null || maxWait.isNegative() ? Duration.ofSeconds(2) : maxWait;
            maxWaiting = Math.max(0, maxWaiting);
            perClient = Math.max(0, perClient);
        }
    }

    private final Semaphore turns;
    private final Limits limits;
    private final ProblemWriter problems;
    private final LongAdder busy = new LongAdder();
    private final LongAdder limited = new LongAdder();
    /** Public reads in progress (waiting, drawn or being sent) per client ({@link ClientAddress#of}), when bounded. */
    private final Map<String, Integer> inProgress = new ConcurrentHashMap<>();

    PublicReadTurns(Limits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
        this.turns = new Semaphore(limits.atOnce(), true);
    }

    /** Public reads waiting for a turn now (an estimate, as the semaphore's queue length is). */
    public int waiting() {
        return turns.getQueueLength();
    }

    /** Public reads answered 503 since this node started, for want of a turn. */
    public long refused() {
        return busy.sum();
    }

    /** Public reads answered 429 since this node started: their client had as many in progress as one may. */
    public long limited() {
        return limited.sum();
    }

    /** Public reads in progress under the bound per client, all clients together. */
    int readsInProgress() {
        return inProgress.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The decoded, normalised path (as routing sees it), so an encoded letter does not skip the turns.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !takesTurn(request.getMethod(), path);
    }

    /** Whether a request takes a turn (and may be answered 503 {@code busy}); the API description asks too. */
    public static boolean takesTurn(String method, String path) {
        return "GET".equals(method) && PublicCaching.isPublic(path) && !path.startsWith(LOG);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limits.perClient() == 0) {
            takeTurnAndServe(request, response, chain);
            return;
        }
        // One client could otherwise fill every place in the queue, and everyone else would be told to come back.
        String client = ClientAddress.of(request.getRemoteAddr());
        try {
            if (inProgress.merge(client, 1, Integer::sum) > limits.perClient()) {
                limited.increment();
                response.setHeader("Retry-After", "1");
                response.setHeader("Cache-Control", "no-store");
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                        "this client already has " + limits.perClient() + " public reads in progress, as many as one "
                                + "may; retry after 1 s");
                return;
            }
            takeTurnAndServe(request, response, chain);
        } finally {
            inProgress.computeIfPresent(client, (key, count) -> count == 1 ? null : count - 1);
        }
    }

    private void takeTurnAndServe(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!takeTurn()) {
            busy.increment();
            response.setHeader("Retry-After", "1");
            response.setHeader("Cache-Control", "no-store");
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                    "more readers than this node serves at once are waiting for their turn; retry after 1 s");
            return;
        }
        ContentCachingResponseWrapper kept = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, kept);
        } finally {
            turns.release();
        }
        kept.copyBodyToResponse(); // to the client, after the turn
    }

    /** A turn within {@code maxWait}, unless {@code maxWaiting} readers are waiting already. */
    private boolean takeTurn() {
        if (turns.getQueueLength() >= limits.maxWaiting()) {
            return turns.tryAcquire();
        }
        try {
            return turns.tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
