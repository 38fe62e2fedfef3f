package org.festivalledger.award;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.EntityIds;
import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionStatus;
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

    private final CommandDispatch dispatch;
    private final LedgerLog ledger;
    private final JudgingBoard board;
    private final SubmissionRegister register;

    AwardController(CommandDispatch dispatch, LedgerLog ledger, JudgingBoard board, SubmissionRegister register) {
        this.dispatch = dispatch;
        this.ledger = ledger;
        this.board = board;
        this.register = register;
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
        // The judging learns of a withdrawal a moment after it is recorded; the register may know already.
        register.find(request.submissionId() == null ? "" : request.submissionId())
                .filter(entry -> entry.competitionId().equals(competitionId))
                .filter(entry -> entry.status() != SubmissionStatus.RECEIVED)
                .ifPresent(entry -> {
                    throw new NotInContention(entry.id(), entry.status().name().toLowerCase()
                            + (entry.statusReason() == null ? "" : ": " + entry.statusReason()));
                });
        long basedOn = ledger.head().position();
        Recorded recorded = dispatch.send(new ConferAward(competitionId, awardId, request.categoryId(),
                request.submissionId(), request.citation(), basedOn), null);
        return ResponseEntity.created(URI.create("/api/competitions/" + competitionId + "/awards/" + awardId))
                .header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("id", awardId, "basedOnPosition", basedOn, "ledgerPosition", recorded.position()));
    }

    @PostMapping("/{awardId}/revocation")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String competitionId, @PathVariable String awardId,
                                               @RequestBody RevocationRequest request) {
        Recorded recorded = dispatch.send(new RevokeAward(competitionId, awardId, request.reason()), request.reason());
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("id", awardId, "revoked", true, "ledgerPosition", recorded.position()));
    }

    /** Every award, revoked ones included, in the order conferred. */
    @GetMapping
    List<AwardResponse> awards(@PathVariable String competitionId) {
        return board.read(competitionId, record -> record.awards.values().stream().map(AwardResponse::of).toList())
                .orElse(List.of());
    }
}
