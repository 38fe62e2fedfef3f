package org.festivalledger.standings;

import java.math.BigDecimal;
import java.util.Map;

/** The score that counts for one juror and one entry (the latest version, not voided). */
public record JurorScore(String jurorId, String submissionId, Map<String, BigDecimal> marks) {
}
