package org.festivalledger.submission;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a film out of the competition at its entrant's request. */
public record WithdrawSubmission(@TargetAggregateIdentifier String submissionId, String competitionId, String reason) {
}
