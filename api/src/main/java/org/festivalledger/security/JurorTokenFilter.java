package org.festivalledger.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.ProblemWriter;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.standings.JudgingBoard;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Signs a juror in from {@code Authorization: Bearer <token>}: the token's hash is looked up among the
 * appointed jurors. A juror appointed a moment ago may not be on the board yet, so an unknown token waits
 * (at most 2 s) for the board to reach the ledger's head, but only while the board is behind it: when the
 * board holds every event recorded, an unknown token cannot become known by waiting and is refused at once.
 * So a forged token costs one hash and one look at the head, not a thread held for seconds.
 */
public class JurorTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private static final Duration CATCH_UP = Duration.ofSeconds(2);

    private final JudgingBoard board;
    private final ProjectionProgress progress;
    private final LedgerLog ledger;
    private final ProblemWriter problems;

    public JurorTokenFilter(JudgingBoard board, ProjectionProgress progress, LedgerLog ledger,
                            ProblemWriter problems) {
        this.board = board;
        this.progress = progress;
        this.ledger = ledger;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        String hash = JurorTokens.hash(header.substring(PREFIX.length()).strip());
        Optional<String> juror = board.jurorWithTokenHash(hash);
        if (juror.isEmpty()) {
            long head = ledger.head().position();
            if (progress.position(JudgingBoard.PROCESSING_GROUP) < head
                    && progress.awaitPosition(JudgingBoard.PROCESSING_GROUP, head, CATCH_UP)) {
                juror = board.jurorWithTokenHash(hash);
            }
        }
        if (juror.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"festival-ledger\", error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "the bearer token is not a juror's token");
            return;
        }
        String[] parts = juror.get().split("/", 2);
        UsernamePasswordAuthenticationToken authentication = new UsernamePasswordAuthenticationToken(
                new JurorIdentity(parts[0], parts[1]), null,
                List.of(new SimpleGrantedAuthority(Role.JUROR.authority())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
