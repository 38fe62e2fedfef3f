package org.festivalledger.submission;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The organiser's ruling that a film does not meet the competition's eligibility rules. */
public record RuleSubmissionIneligible(@TargetAggregateIdentifier String submissionId, String competitionId, String reason) {
}
