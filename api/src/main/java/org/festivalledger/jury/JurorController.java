package org.festivalledger.jury;

import org.festivalledger.http.CommandDispatch.Recorded;
import jakarta.servlet.http.HttpServletRequest;
import org.festivalledger.http.IdempotencyFilter;
import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.http.UnknownId;
import org.festivalledger.identity.JurorIdentity;
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

    private final JuryAppointments jury;
    private final JudgingBoard board;

    JurorController(JuryAppointments jury, JudgingBoard board) {
        this.jury = jury;
        this.board = board;
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
        JuryAppointments.Handed appointed = jury.appoint(competitionId, request.id(), request.name());
        String id = appointed.jurorId();
        IdempotencyFilter.replayWith(httpRequest, JurorCredentials.shownOnce("id", competitionId, id));
        return ResponseEntity.created(URI.create("/api/competitions/" + competitionId + "/jurors/" + id))
                .header(LedgerPositionHeader.NAME, Long.toString(appointed.position()))
                .body(appointed.credentials().shown("id", id));
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
        Recorded recorded = jury.declareConflict(competitionId, jurorId, request.submissionId(), request.reason());
        return ResponseEntity.status(201).header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("jurorId", jurorId, "submissionId", String.valueOf(request.submissionId())));
    }
}
