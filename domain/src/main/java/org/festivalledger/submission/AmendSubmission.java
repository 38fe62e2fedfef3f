package org.festivalledger.submission;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The entrant changes their entry before the competition's deadline. Handled by {@code EntryAmendments}, which
 * reads the competition's rules (deadline, maximum runtime) and lets the submission decide.
 */
public record AmendSubmission(@TargetAggregateIdentifier String submissionId, String competitionId, String byEntrant,
                              EntryChanges changes, Instant amendedAt) {
}
