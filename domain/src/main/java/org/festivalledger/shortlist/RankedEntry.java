package org.festivalledger.shortlist;

import java.math.BigDecimal;

/**
 * One row of a round's standings as a shortlist decision saw it: the entry's rank, its aggregated score
 * ({@code null} if it had none) and whether it had as many scores as the round requires.
 */
public record RankedEntry(int rank, String submissionId, BigDecimal score, boolean complete) {
}
