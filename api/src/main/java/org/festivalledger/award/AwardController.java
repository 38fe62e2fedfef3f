package org.festivalledger.award;

import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.EntityIds;
import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Awards: conferred per category with a citation and the ledger position the decision rests on; revocable. */
@RestController
@RequestMapping("/api/competitions/{competitionId}/awards")
class AwardController {

    private final AwardDecisions decisions;
    private final JudgingBoard board;

    AwardController(AwardDecisions decisions, JudgingBoard board) {
        this.decisions = decisions;
        this.board = board;
    }

    record AwardRequest(String id, String categoryId, String submissionId, String citation) {
    }

    record RevocationRequest(String reason) {
    }

    record AwardResponse(String id, String categoryId, String submissionId, String citation, long basedOnPosition,
                         long recordedAt, boolean revoked, String revocationReason, Long revokedAt) {

        static AwardResponse of(JudgingRecord.Award award) {
            AwardConferred conferral = award.conferral();
            return new AwardResponse(conferral.awardId(), conferral.categoryId(), conferral.submissionId(),
                    conferral.citation(), conferral.basedOnPosition(), award.recordedAt(), award.revoked(),
                    award.revocationReason(), award.revokedAt());
        }
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> confer(@PathVariable String competitionId, @RequestBody AwardRequest request) {
        String awardId = EntityIds.chosenOrNew("id", request.id());
        AwardDecisions.Conferred conferred = decisions.confer(competitionId, awardId, request.categoryId(),
                request.submissionId(), request.citation());
        return ResponseEntity.created(URI.create("/api/competitions/" + competitionId + "/awards/" + awardId))
                .header(LedgerPositionHeader.NAME, Long.toString(conferred.ledgerPosition()))
                .body(Map.of("id", awardId, "basedOnPosition", conferred.basedOnPosition(),
                        "ledgerPosition", conferred.ledgerPosition()));
    }

    @PostMapping("/{awardId}/revocation")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String competitionId, @PathVariable String awardId,
                                               @RequestBody RevocationRequest request) {
        Recorded recorded = decisions.revoke(competitionId, awardId, request.reason());
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("id", awardId, "revoked", true, "ledgerPosition", recorded.position()));
    }

    /** Every award, revoked ones included, in the order conferred. */
    @GetMapping
    List<AwardResponse> awards(@PathVariable String competitionId) {
        return board.read(competitionId, record -> record.awards().stream().map(AwardResponse::of).toList())
                .orElse(List.of());
    }
}
