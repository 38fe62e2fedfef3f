package org.festivalledger.programme;

import org.festivalledger.rules.RuleViolation;
import org.festivalledger.submission.SubmissionStatus;

/** Only a film still in the competition is screened: a withdrawn, ineligible or disqualified one is not. */
public class FilmCannotBeScheduled extends RuleViolation {

    private final String submissionId;
    private final SubmissionStatus status;

    public FilmCannotBeScheduled(String submissionId, SubmissionStatus status) {
        super("Film " + submissionId + " is " + status + "; only a film still in the competition (RECEIVED) can be"
                + " scheduled");
        this.submissionId = submissionId;
        this.status = status;
    }

    /** The film refused. */
    public String submissionId() {
        return submissionId;
    }

    /** Where it stands instead of in the competition. */
    public SubmissionStatus status() {
        return status;
    }
}
