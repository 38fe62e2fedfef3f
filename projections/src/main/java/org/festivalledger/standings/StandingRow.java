package org.festivalledger.standings;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One entry's place in a round: its rank, aggregated weighted score ({@code null} before any score),
 * how many scores count, whether that meets the round's minimum, and each criterion's average mark.
 */
public record StandingRow(int rank, String submissionId, String title, BigDecimal score, int scoresCount,
                          boolean complete, Map<String, BigDecimal> perCriterion) {
}
