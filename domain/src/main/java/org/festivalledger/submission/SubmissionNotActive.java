package org.festivalledger.submission;

import org.festivalledger.rules.StateConflict;

/** The submission has already left the competition, so it cannot leave it again. */
public class SubmissionNotActive extends StateConflict {

    public SubmissionNotActive(String submissionId, SubmissionStatus status, String decision) {
        super("Submission " + submissionId + " is " + status + "; only a RECEIVED submission can be " + decision);
    }
}
