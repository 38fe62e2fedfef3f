package org.festivalledger.submission;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a film out of the competition at its entrant's request. {@code byEntrant} names the entrant asking for it
 * themselves, who may only withdraw their own entry; {@code null} when an organiser records the withdrawal.
 */
public record WithdrawSubmission(@TargetAggregateIdentifier String submissionId, String competitionId, String reason,
                                 String byEntrant) {

    /** A withdrawal an organiser records. */
    public WithdrawSubmission(String submissionId, String competitionId, String reason) {
        this(submissionId, competitionId, reason, null);
    }
}
