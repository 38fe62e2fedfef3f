package org.festivalledger.submission;

import org.festivalledger.rules.UnknownEntity;

/** No such submission in the competition named by the request. */
public class UnknownSubmission extends UnknownEntity {

    public UnknownSubmission(String submissionId, String competitionId) {
        super("Competition " + competitionId + " has no submission " + submissionId);
    }
}
