package org.festivalledger.scoring;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.identity.JurorIdentity;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A juror's scores: always recorded as the signed-in juror (a juror cannot score for another). A second
 * score for the same entry revises the first and needs {@code X-Reason}.
 */
@RestController
@RequestMapping("/api/competitions/{competitionId}/rounds/{roundId}/scores")
class ScoreController {

    private final CommandDispatch dispatch;

    ScoreController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    record ScoreRequest(String submissionId, Map<String, BigDecimal> marks, String comment) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> score(@PathVariable String competitionId, @PathVariable String roundId,
                                              @RequestBody ScoreRequest request,
                                              @RequestHeader(value = CommandDispatch.REASON_HEADER, required = false)
                                              String reason,
                                              Authentication authentication) {
        JurorIdentity juror = (JurorIdentity) authentication.getPrincipal();
        if (!juror.competitionId().equals(competitionId)) {
            throw new AccessDeniedException("a juror scores only in their own competition");
        }
        Recorded recorded = dispatch.send(new RecordScore(competitionId, roundId, juror.jurorId(),
                request.submissionId(), request.marks(), request.comment(), reason), reason);
        return ResponseEntity.status(201).header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("submissionId", String.valueOf(request.submissionId()), "jurorId", juror.jurorId(),
                        "ledgerPosition", recorded.position()));
    }
}
