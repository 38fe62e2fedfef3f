package org.festivalledger.jury;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import jakarta.servlet.http.HttpServletRequest;
import org.festivalledger.http.EntityIds;
import org.festivalledger.http.IdempotencyFilter;
import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.http.UnknownId;
import org.festivalledger.identity.JurorIdentity;
import org.festivalledger.security.JurorTokens;
import org.festivalledger.standings.JudgingBoard;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The jury: appointing jurors (each gets a bearer token and a sign-in link, shown once) and declaring conflicts of
 * interest.
 */
@RestController
@RequestMapping("/api/competitions/{competitionId}/jurors")
class JurorController {

    private final CommandDispatch dispatch;
    private final JudgingBoard board;
    private final JurorCredentials credentials;

    JurorController(CommandDispatch dispatch, JudgingBoard board, JurorCredentials credentials) {
        this.dispatch = dispatch;
        this.board = board;
        this.credentials = credentials;
    }

    record AppointmentRequest(String id, String name) {
    }

    record ConflictRequest(String submissionId, String reason) {
    }

    /** A juror as organisers and auditors see them: never their token. */
    record JurorResponse(String id, String name, List<String> conflicts) {
    }

    /** {@code {id, token, signInLink, expiresAt}}: the juror's secrets are shown once, never replayed. */
    @PostMapping
    ResponseEntity<Map<String, Object>> appoint(@PathVariable String competitionId,
                                                @RequestBody AppointmentRequest request,
                                                HttpServletRequest httpRequest) {
        String id = EntityIds.chosenOrNew("id", request.id());
        JurorCredentials.Issued issued = credentials.issue();
        Recorded recorded = dispatch.send(new AppointJuror(competitionId, id, request.name(), issued.tokenHash(),
                issued.linkHash(), issued.linkExpiresAt()), null);
        IdempotencyFilter.replayWith(httpRequest, JurorCredentials.shownOnce("id", competitionId, id));
        return ResponseEntity.created(URI.create("/api/competitions/" + competitionId + "/jurors/" + id))
                .header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(issued.shown("id", id));
    }

    @GetMapping
    List<JurorResponse> jurors(@PathVariable String competitionId) {
        return board.read(competitionId, record -> record.jurors().stream()
                        .map(juror -> new JurorResponse(juror.jurorId(), juror.name(), record.conflictsOf(
                                juror.jurorId())))
                        .toList())
                .orElseThrow(() -> new UnknownId("jury of competition", competitionId));
    }

    @PostMapping("/{jurorId}/conflicts")
    ResponseEntity<Map<String, String>> declareConflict(@PathVariable String competitionId,
                                                        @PathVariable String jurorId,
                                                        @RequestBody ConflictRequest request,
                                                        Authentication authentication) {
        if (authentication.getPrincipal() instanceof JurorIdentity juror && !juror.is(competitionId, jurorId)) {
            throw new AccessDeniedException("a juror declares only their own conflicts");
        }
        Recorded recorded = dispatch.send(new DeclareConflict(competitionId, jurorId, request.submissionId(),
                request.reason()), request.reason());
        return ResponseEntity.status(201).header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("jurorId", jurorId, "submissionId", String.valueOf(request.submissionId())));
    }
}
