package org.festivalledger.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a forum session, for the reason given; it stays in the history and frees its venue and speakers. */
public record CancelForumSession(String competitionId, String sessionId, String reason) {

    @TargetAggregateIdentifier
    public String programmeId() {
        return ProgrammeId.of(competitionId);
    }
}
