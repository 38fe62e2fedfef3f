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

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The crowd at a ceremony takes turns: the public reads ({@link PublicCaching#isPublic}: the home page, a
 * competition's results page, {@code /api/public/**}) are served at most {@code ledger.http.public-reads.at-once} at
 * a time (twice the cores by default), in the order they came; the others wait for a turn in their request thread,
 * which costs no CPU, at most {@code max-wait} (2 s), and are then answered 503 with {@code Retry-After: 1}.
 *
 * <p>Why: each public read is cheap, but 64 readers at once had 64 threads sharing two cores, and a juror's score
 * waited behind all of them (issue #15: p50 63 ms against 9.5 ms alone). Taking turns costs the crowd nothing it
 * would get otherwise (the cores are just as busy with a few at a time) and leaves a score competing with a few
 * readers only. Jurors, organisers, auditors and entrants never wait here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 18) // after HEAD became GET (HeadIsGet), before the kept answers (PublicCaching)
public class PublicReadTurns extends OncePerRequestFilter {

    /** The turns ({@code ledger.http.public-reads.*}); {@code atOnce} 0 or less means twice the cores. */
    @ConfigurationProperties("ledger.http.public-reads")
    public record Limits(@DefaultValue("0") int atOnce, @DefaultValue("2s") Duration maxWait) {

        public Limits {
            atOnce = atOnce > 0 ? atOnce : 2 * Runtime.getRuntime().availableProcessors();
            maxWait = maxWait == null || maxWait.isNegative() ? Duration.ofSeconds(2) : maxWait;
        }
    }

    private final Semaphore turns;
    private final Limits limits;
    private final ProblemWriter problems;
    private final LongAdder busy = new LongAdder();

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

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !PublicCaching.isPublic(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean turn;
        try {
            turn = turns.tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            busy.increment();
            response.setHeader("Retry-After", "1");
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                    "more readers than this node serves at once have been waiting " + limits.maxWait().toMillis()
                            + " ms; retry after 1 s");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }
}
