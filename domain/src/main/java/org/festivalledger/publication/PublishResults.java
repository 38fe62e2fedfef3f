package org.festivalledger.publication;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

import java.time.Instant;

/** Publishes a competition's results: the shortlists and awards recorded so far become public. */
public record PublishResults(String competitionId, Instant publishedAt) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
