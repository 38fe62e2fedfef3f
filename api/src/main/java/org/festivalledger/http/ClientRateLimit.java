package org.festivalledger.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A per-client rate limit ({@link RateLimits}), first of all filters: a client that sends more than its share is
 * answered 429 with {@code Retry-After} before anything else is done for it. The client is the remote address,
 * counted before authentication, so guessing passwords or juror tokens is slowed down as much as anything else. The
 * address is the one {@link ClientAddress} settled on (behind a reverse proxy, name it in
 * {@code ledger.http.trusted-proxies}); an IPv6 client is counted by its /64 network.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ClientRateLimit extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ProblemWriter problems;
    private final TokenBuckets buckets;

    ClientRateLimit(RateLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
        this.buckets = new TokenBuckets(limits.requestsPerSecond(), limits.burst(), System::nanoTime);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long waitNanos = buckets.take(ClientAddress.of(request.getRemoteAddr()));
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", Long.toString(seconds));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "this client sent more than " + limits.burst() + " requests at once or more than "
                        + format(limits.requestsPerSecond()) + " a second for a while; retry after " + seconds + " s");
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
