package org.festivalledger.competition;

import java.math.BigDecimal;

/** A judging criterion, e.g. "innovative use of AI", with its weight and the range of marks a juror may give. */
public record Criterion(String id, String name, BigDecimal weight, BigDecimal min, BigDecimal max) {
}
