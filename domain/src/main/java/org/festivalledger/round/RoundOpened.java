package org.festivalledger.round;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;
import org.festivalledger.competition.Criterion;

import java.util.List;

/** A round opened: its rules, its entries and the criteria it scores (copied, so it never changes). */
@Revision("1")
public record RoundOpened(String competitionId, String roundId, String name, int jurorsPerEntry,
                          AggregationMethod aggregation, int minScoresPerEntry, EntrySource entrySource,
                          List<String> entries, List<Criterion> criteria) implements JudgingEvent {
}
