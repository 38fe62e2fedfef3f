package org.festivalledger.judging;

import org.axonframework.serialization.Revision;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.Criterion;

import java.util.List;

/**
 * A competition's judging began, with the criteria every score in it is given on and the award categories
 * it may confer. {@code awardCategories} was added to revision 1 as an optional field (a judging recorded
 * without it reads as {@code null}: no categories); see ADR 0003 on additive event changes.
 */
@Revision("1")
public record JudgingEstablished(String competitionId, List<Criterion> criteria, List<AwardCategory> awardCategories) implements JudgingEvent {

    /** A judging with no award categories (as recorded before they were part of the event). */
    public JudgingEstablished(String competitionId, List<Criterion> criteria) {
        this(competitionId, criteria, null);
    }
}
