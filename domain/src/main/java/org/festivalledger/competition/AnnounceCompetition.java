package org.festivalledger.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sets up one edition of one competition: how entries are judged, what they must meet, what can be won. */
public record AnnounceCompetition(@TargetAggregateIdentifier String competitionId,
                                  String name,
                                  String edition,
                                  List<Criterion> criteria,
                                  SubmissionRules rules,
                                  List<AwardCategory> awardCategories) {
}
