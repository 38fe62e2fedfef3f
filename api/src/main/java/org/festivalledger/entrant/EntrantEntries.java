package org.festivalledger.entrant;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.submission.AmendSubmission;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.EntryChanges;
import org.festivalledger.submission.ReceiveSubmission;
import org.festivalledger.submission.WithdrawSubmission;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/**
 * An entrant's own entries: sent, amended until the deadline, withdrawn with a reason. The one way the API and the
 * pages do it, through the same domain commands as an organiser's entry (the competition's deadline, runtime, AI-use
 * disclosure and team rules), each recorded under the entrant's pseudonymous id.
 */
@Service
public class EntrantEntries {

    private final CommandDispatch dispatch;
    private final Clock clock;

    EntrantEntries(CommandDispatch dispatch, Clock clock) {
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /** What a submission recorded: the new entry's id and where on the ledger. */
    public record Submitted(String id, long position) {
    }

    public Submitted submit(String competitionId, String entrantId, Entry entry) {
        String id = "entry-" + UUID.randomUUID();
        Recorded recorded = dispatch.send(new ReceiveSubmission(competitionId, id, entry, clock.instant(), entrantId),
                null);
        return new Submitted(id, recorded.position());
    }

    public Recorded amend(String competitionId, String submissionId, String entrantId, EntryChanges changes) {
        return dispatch.send(new AmendSubmission(submissionId, competitionId, entrantId, changes, clock.instant()),
                null);
    }

    public Recorded withdraw(String competitionId, String submissionId, String entrantId, String reason) {
        return dispatch.send(new WithdrawSubmission(submissionId, competitionId, reason, entrantId), reason);
    }
}
