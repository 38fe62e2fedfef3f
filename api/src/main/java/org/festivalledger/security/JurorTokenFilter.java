package org.festivalledger.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Signs a juror in from {@code Authorization: Bearer <token>} (see {@link JurorSignIn}: a forged token costs one
 * hash and one look at the head, not a thread held for seconds).
 */
public class JurorTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private final JurorSignIn signIn;
    private final ProblemWriter problems;

    public JurorTokenFilter(JurorSignIn signIn, ProblemWriter problems) {
        this.signIn = signIn;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || SecurityContextHolder.getContext().getAuthentication() != null) {
            // Not a bearer token, or one an earlier filter already signed in with (an entrant's).
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> authentication = signIn.withToken(header.substring(PREFIX.length()));
        if (authentication.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"festival-ledger\", error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "the bearer token is not a juror's current token (it may have been revoked or replaced)");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(authentication.get());
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
