package org.festivalledger.submission;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Receives one film into a competition; addressed to the competition, whose rules decide whether it is on time and fits. */
public record ReceiveSubmission(@TargetAggregateIdentifier String competitionId,
                                String submissionId,
                                Entry entry,
                                Instant receivedAt) {
}
