package org.festivalledger.standings;

import org.festivalledger.competition.Criterion;
import org.festivalledger.round.AggregationMethod;

import java.util.List;

/** What a round's standings are computed by: its criteria (with weights), aggregation and coverage rule. */
public record RoundRules(List<Criterion> criteria, AggregationMethod aggregation, int minScoresPerEntry) {
}
