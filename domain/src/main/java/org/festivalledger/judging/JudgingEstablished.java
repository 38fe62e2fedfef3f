package org.festivalledger.judging;

import org.axonframework.serialization.Revision;
import org.festivalledger.competition.Criterion;

import java.util.List;

/** A competition's judging began, with the criteria every score in it is given on. */
@Revision("1")
public record JudgingEstablished(String competitionId, List<Criterion> criteria) {
}
