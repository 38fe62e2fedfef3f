package org.festivalledger.programme;

import org.festivalledger.rules.RuleViolation;
import org.festivalledger.submission.SubmissionStatus;

/** Only a film still in the competition is screened: a withdrawn, ineligible or disqualified one is not. */
public class FilmCannotBeScheduled extends RuleViolation {

    public FilmCannotBeScheduled(String submissionId, SubmissionStatus status) {
        super("Film " + submissionId + " is " + status + "; only a film still in the competition (RECEIVED) can be"
                + " scheduled");
    }
}
