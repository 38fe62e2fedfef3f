package org.festivalledger.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

import java.util.List;

/**
 * Opens a judging round. {@code entries} are the entries taking part, as the organiser's view of the
 * register saw them when the round was opened (all eligible ones, or an earlier round's shortlist);
 * the round records that list so an auditor sees exactly which films were judged.
 */
public record OpenRound(String competitionId, String roundId, String name, int jurorsPerEntry,
                        AggregationMethod aggregation, int minScoresPerEntry, EntrySource entrySource,
                        List<String> entries) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
