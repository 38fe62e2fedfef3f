package org.festivalledger.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/**
 * Asks what {@link AssignJurorsAutomatically} would draw now, recording nothing: the judging answers with the
 * assignments, computed by the same draw against the same state, so an organiser sees each juror's load before
 * confirming. A command rather than a query because only the judging itself holds the state the draw reads.
 */
public record PreviewAutomaticAssignment(String competitionId, String roundId) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
