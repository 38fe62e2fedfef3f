package org.festivalledger.submission;

import org.festivalledger.rules.RuleViolation;

import java.time.Instant;

/** An entry arrived after the competition's submission deadline. */
public class SubmissionDeadlinePassed extends RuleViolation {

    public SubmissionDeadlinePassed(String competitionId, Instant deadline, Instant receivedAt) {
        super("The submission deadline of competition " + competitionId + " was " + deadline
                + "; the entry arrived at " + receivedAt);
    }
}
