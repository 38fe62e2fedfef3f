package org.festivalledger.security;

import org.festivalledger.identity.JurorIdentity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.ClientAddress;
import org.festivalledger.http.ProblemWriter;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Holds back password guessing ({@link SignInAttempts}): a password sign-in (HTTP Basic, or the organiser's login
 * form) from a client or for an account that is locked out is answered 429 with {@code Retry-After} before Spring
 * Security sees it, so no password is hashed. Failures and successes are learnt from Spring Security's own
 * authentication events, which carry the account and the client address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
public class SignInThrottle extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";
    private static final String LOGIN_FORM = "/organiser/login";

    private final SignInAttempts attempts;
    private final ProblemWriter problems;

    SignInThrottle(SignInLimits limits, ProblemWriter problems) {
        this.attempts = new SignInAttempts(limits, System::nanoTime);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> account = passwordSignIn(request);
        if (account.isPresent()) {
            Optional<Duration> locked = attempts.lockedOut(account.get(), ClientAddress.of(request.getRemoteAddr()));
            if (locked.isPresent()) {
                long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                        "too many wrong passwords for this account or from this client; retry after " + seconds + " s");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
            attempts.failed(token.getName(), client(token.getDetails()));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && !(token.getPrincipal() instanceof JurorIdentity)) {
            attempts.succeeded(token.getName());
        }
    }

    /** The account a request tries to sign in to with a password, if it does. */
    private static Optional<String> passwordSignIn(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // not Base64: Spring Security refuses it without checking a password
            }
        }
        if ("POST".equals(request.getMethod()) && LOGIN_FORM.equals(request.getServletPath())) {
            return Optional.of(Optional.ofNullable(request.getParameter("username")).orElse(""));
        }
        return Optional.empty();
    }

    private static String client(Object details) {
        return details instanceof WebAuthenticationDetails web ? ClientAddress.of(web.getRemoteAddress()) : null;
    }
}
