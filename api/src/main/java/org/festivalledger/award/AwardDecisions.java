package org.festivalledger.award;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionStatus;
import org.springframework.stereotype.Service;

/**
 * Conferring and revoking awards: the one way both the JSON API and the organiser's pages do it, so neither can
 * skip a rule the other applies (ADR 0004: an award never goes to an entry that left the competition).
 */
@Service
public class AwardDecisions {

    private final CommandDispatch dispatch;
    private final LedgerLog ledger;
    private final SubmissionRegister register;

    AwardDecisions(CommandDispatch dispatch, LedgerLog ledger, SubmissionRegister register) {
        this.dispatch = dispatch;
        this.ledger = ledger;
        this.register = register;
    }

    /** An award conferred, resting on the ledger's head; what it recorded. */
    public Conferred confer(String competitionId, String awardId, String categoryId, String submissionId,
                            String citation) {
        // The judging learns of a withdrawal a moment after it is recorded; the register may know already.
        register.find(submissionId == null ? "" : submissionId)
                .filter(entry -> entry.competitionId().equals(competitionId))
                .filter(entry -> entry.status() != SubmissionStatus.RECEIVED)
                .ifPresent(entry -> {
                    throw new NotInContention(entry.id(), entry.status().name().toLowerCase()
                            + (entry.statusReason() == null ? "" : ": " + entry.statusReason()));
                });
        long basedOn = ledger.head().position();
        Recorded recorded = dispatch.send(new ConferAward(competitionId, awardId, categoryId, submissionId, citation,
                basedOn), null);
        return new Conferred(awardId, basedOn, recorded.position());
    }

    /** What a conferral recorded: the award, the position it rests on, and where it was recorded. */
    public record Conferred(String awardId, long basedOnPosition, long ledgerPosition) {
    }

    public Recorded revoke(String competitionId, String awardId, String reason) {
        return dispatch.send(new RevokeAward(competitionId, awardId, reason), reason);
    }
}
