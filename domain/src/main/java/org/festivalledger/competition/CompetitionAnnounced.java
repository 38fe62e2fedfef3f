package org.festivalledger.competition;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A competition was announced with its criteria, submission rules and award categories. */
@Revision("1")
public record CompetitionAnnounced(String competitionId,
                                   String name,
                                   String edition,
                                   List<Criterion> criteria,
                                   SubmissionRules rules,
                                   List<AwardCategory> awardCategories) {
}
