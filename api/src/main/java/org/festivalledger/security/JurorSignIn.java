package org.festivalledger.security;

import org.festivalledger.identity.JurorIdentity;

import org.festivalledger.identity.Role;

import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.jury.JurorAccessChanged;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingBoard.Credential;
import org.festivalledger.standings.JurorAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.time.Clock;
import org.festivalledger.http.CatchUpWaits;
import org.festivalledger.http.ClientAddress;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Signs a juror in with a credential: the bearer token (the API) or the sign-in link (the pages), never one for
 * the other. The credential's hash is looked up on this node's judging board, which knows each juror's current
 * {@link JurorAccess}.
 * <p>
 * The board follows the ledger and may be behind it, on this node or after a restart, while another node has
 * just recorded a revocation or a reissue. So a credential the board accepts is checked once more against the
 * ledger itself: every change of a juror's access has the next version and is recorded under a key unique to it
 * ({@link JurorAccessChanged#ledgerKey}), so one exact lookup says whether the version the board knows has been
 * superseded. A revoked or replaced credential is then refused at once on every node, however far behind its
 * board is. A juror appointed a moment ago may not be on the board yet, so an unknown credential waits briefly,
 * but only while the board is behind the ledger: a forged one is refused at once.
 */
@Component
public class JurorSignIn {

    private static final Logger log = LoggerFactory.getLogger(JurorSignIn.class);

    // Long enough for a juror appointed a moment ago on another, busy node; such waits are bounded per client and in
    // all (CatchUpWaits), so tokens sent while a node folds a long log cannot pin request threads.
    private static final Duration CATCH_UP = Duration.ofSeconds(2);

    private final JudgingBoard board;
    private final ProjectionProgress progress;
    private final LedgerLog ledger;
    private final Clock clock;
    private final CatchUpWaits waits;

    public JurorSignIn(JudgingBoard board, ProjectionProgress progress, LedgerLog ledger, Clock clock,
                       CatchUpWaits waits) {
        this.waits = waits;
        this.board = board;
        this.progress = progress;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The juror holding this bearer token, signed in with the juror's role; empty for any other text. */
    public Optional<Authentication> withToken(String token) {
        return authenticate(token, JurorAccess::acceptsToken);
    }

    /** The juror this sign-in link was issued to, while it has not expired; empty otherwise. */
    public Optional<Authentication> withLink(String link) {
        return authenticate(link, (access, hash) -> access.acceptsLink(hash, clock.instant()));
    }

    /** Whether a signed-in juror's access (a page session) is still the current one, neither revoked nor replaced. */
    public boolean isCurrent(JurorIdentity juror) {
        boolean onBoard = board.read(juror.competitionId(), record -> record.access(juror.jurorId()).orElse(null))
                .filter(access -> !access.revoked() && access.version() == juror.accessVersion()).isPresent();
        return onBoard && !superseded(juror.competitionId(), juror.jurorId(), juror.accessVersion());
    }

    private Optional<Authentication> authenticate(String secret, BiPredicate<JurorAccess, String> accepts) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String hash = JurorTokens.hash(secret.strip());
        Optional<Credential> found = accepted(hash, accepts);
        // Unknown to the board, or known in a version the ledger has moved past (a revocation, a reissue, or
        // just the access a moment-old appointment issued): ask the board again once it has caught up.
        // The ledger is asked once per credential looked at (a store read on every juror's request).
        boolean current = found.isPresent() && !superseded(found.get());
        if (!current) {
            long head = ledger.head().position();
            long board = progress.position(JudgingBoard.PROCESSING_GROUP);
            if (board < head) {
                boolean caughtUp = awaitBoard(head);
                if (caughtUp) {
                    found = accepted(hash, accepts);
                    current = found.isPresent() && !superseded(found.get());
                }
                if (!current) {
                    // A credential refused while the board was behind may be a real one the board had not reached (a
                    // juror appointed a moment ago): say how far behind, never which credential.
                    log.info("A juror's credential was refused while the judging board was behind the ledger: board at {},"
                                    + " ledger at {}, {}", board, head,
                            caughtUp ? "the board caught up and did not know it" : "the wait was refused or timed out");
                }
            }
        }
        if (!current) {
            return Optional.empty();
        }
        return found.map(credential -> new UsernamePasswordAuthenticationToken(new JurorIdentity(
                        credential.competitionId(), credential.jurorId(), credential.access().version()), null,
                        List.of(new SimpleGrantedAuthority(Role.JUROR.authority()))));
    }

    /** Waits for the board to reach {@code head}, if this client (and everyone) may hold one more wait. */
    private boolean awaitBoard(long head) {
        String client = currentClient();
        if (!waits.enter(client)) {
            return false;
        }
        try {
            return progress.awaitPosition(JudgingBoard.PROCESSING_GROUP, head, CATCH_UP);
        } finally {
            waits.leave(client);
        }
    }

    private static String currentClient() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? ClientAddress.of(attributes.getRequest().getRemoteAddr()) : "internal";
    }

    private Optional<Credential> accepted(String hash, BiPredicate<JurorAccess, String> accepts) {
        return board.credential(hash).filter(credential -> accepts.test(credential.access(), hash));
    }

    private boolean superseded(Credential credential) {
        return superseded(credential.competitionId(), credential.jurorId(), credential.access().version());
    }

    /** One exact lookup on the ledger: has a later issue or revocation replaced this version of the access? */
    private boolean superseded(String competitionId, String jurorId, int version) {
        return ledger.hasUniqueKey(JurorAccessChanged.ledgerKey(competitionId, jurorId, version + 1));
    }
}
