package org.festivalledger.security;

import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.standings.JudgingBoard;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A juror's token, whether it arrives as a bearer header (the API) or in the organiser's sign-in link (the
 * pages): its hash is looked up among the appointed jurors. A juror appointed a moment ago may not be on the
 * board yet, so an unknown token waits briefly, but only while the board is behind the ledger: a forged token
 * is refused at once.
 */
public final class JurorSignIn {

    // Long enough for a juror appointed a moment ago on a node at the head; short enough that tokens sent while a
    // node folds a long log cannot pin request threads for seconds each.
    private static final Duration CATCH_UP = Duration.ofMillis(250);

    private final JudgingBoard board;
    private final ProjectionProgress progress;
    private final LedgerLog ledger;

    public JurorSignIn(JudgingBoard board, ProjectionProgress progress, LedgerLog ledger) {
        this.board = board;
        this.progress = progress;
        this.ledger = ledger;
    }

    /** The juror the token belongs to, signed in with the juror's role; empty for a token no juror holds. */
    public Optional<Authentication> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = JurorTokens.hash(token.strip());
        Optional<String> juror = board.jurorWithTokenHash(hash);
        if (juror.isEmpty()) {
            long head = ledger.head().position();
            if (progress.position(JudgingBoard.PROCESSING_GROUP) < head
                    && progress.awaitPosition(JudgingBoard.PROCESSING_GROUP, head, CATCH_UP)) {
                juror = board.jurorWithTokenHash(hash);
            }
        }
        return juror.map(found -> {
            String[] parts = found.split("/", 2);
            return new UsernamePasswordAuthenticationToken(new JurorIdentity(parts[0], parts[1]), null,
                    List.of(new SimpleGrantedAuthority(Role.JUROR.authority())));
        });
    }
}
