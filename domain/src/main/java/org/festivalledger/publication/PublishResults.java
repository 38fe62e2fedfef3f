package org.festivalledger.publication;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

import java.time.Instant;

/** Lifts the embargo on a competition's results: from now on the public sees its shortlists and awards. */
public record PublishResults(String competitionId, Instant publishedAt) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
