package org.festivalledger.submission;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.springframework.stereotype.Service;

/** Ruling on an entry (withdrawn, ruled ineligible), with its reason: the one way every front end does it. */
@Service
public class EntryRulings {

    private final CommandDispatch dispatch;

    EntryRulings(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public Recorded withdraw(String competitionId, String submissionId, String reason) {
        return dispatch.send(new WithdrawSubmission(submissionId, competitionId, reason), reason);
    }

    public Recorded ruleIneligible(String competitionId, String submissionId, String reason) {
        return dispatch.send(new RuleSubmissionIneligible(submissionId, competitionId, reason), reason);
    }
}
