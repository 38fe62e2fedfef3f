package org.festivalledger.competition;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.EntityIds;
import org.springframework.stereotype.Service;

import java.util.List;

/** Announcing a competition: the one way the JSON API and the organiser's page both do it. */
@Service
public class CompetitionAnnouncements {

    private final CommandDispatch dispatch;

    CompetitionAnnouncements(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /** A competition on the ledger: its id (the one asked for, or a new one) and where it was recorded. */
    public record Announced(String competitionId, long position) {
    }

    /** Announces the competition; {@code requestedId} may be {@code null} for an id chosen here. */
    public Announced announce(String requestedId, String name, String edition, List<Criterion> criteria,
                              SubmissionRules rules, List<AwardCategory> awardCategories) {
        String id = EntityIds.chosenOrNew("id", requestedId);
        long position = dispatch.send(new AnnounceCompetition(id, name, edition, criteria, rules, awardCategories),
                null).position();
        return new Announced(id, position);
    }
}
