package org.festivalledger.jury;

import jakarta.servlet.http.HttpServletRequest;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.IdempotencyFilter;
import org.festivalledger.http.LedgerPositionHeader;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * A juror's access: the organiser issues new credentials (a lost link, a leaked token: the old ones stop working
 * on every node at once) or revokes them all, each recorded on the ledger.
 */
@RestController
@RequestMapping("/api/competitions/{competitionId}/jurors/{jurorId}/access")
class JurorAccessController {

    private final JuryAppointments jury;

    JurorAccessController(JuryAppointments jury) {
        this.jury = jury;
    }

    record RevocationRequest(String reason) {
    }

    /** {@code {jurorId, token, signInLink, expiresAt}}, shown once. */
    @PostMapping
    ResponseEntity<Map<String, Object>> issue(@PathVariable String competitionId, @PathVariable String jurorId,
                                              HttpServletRequest request) {
        JuryAppointments.Handed issued = jury.reissue(competitionId, jurorId);
        IdempotencyFilter.replayWith(request, JurorCredentials.shownOnce("jurorId", competitionId, jurorId));
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(issued.position()))
                .body(issued.credentials().shown("jurorId", jurorId));
    }

    @PostMapping("/revocation")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String competitionId, @PathVariable String jurorId,
                                               @RequestBody RevocationRequest request) {
        Recorded recorded = jury.revoke(competitionId, jurorId, request.reason());
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("jurorId", jurorId, "revoked", true));
    }
}
