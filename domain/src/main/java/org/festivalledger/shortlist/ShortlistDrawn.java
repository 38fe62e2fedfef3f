package org.festivalledger.shortlist;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

/**
 * A round's shortlist was decided. {@code ranked} is what the standings at {@code basedOnPosition} gave (the
 * first {@code size} rows, before any override), {@code cutOffScore} the score of the last of them,
 * {@code overrides} every departure from it with its reason (including entries taken off because they left
 * the competition after the round closed), and {@code shortlist} the entries that go through, in rank order.
 */
@Revision("1")
public record ShortlistDrawn(String competitionId, String roundId, long basedOnPosition, int size,
                             List<RankedEntry> ranked, BigDecimal cutOffScore, List<ShortlistOverride> overrides,
                             List<String> shortlist, String rationale) implements JudgingEvent {
}
