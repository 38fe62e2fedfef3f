package org.festivalledger.submission;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Receives an imported list of films (e.g. a CSV file) all at once: either every line is received or none is. */
public record ReceiveSubmissions(@TargetAggregateIdentifier String competitionId,
                                 List<NewSubmission> submissions,
                                 Instant receivedAt) {
}
