package org.festivalledger.programme;

import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.http.UnknownId;
import org.springframework.stereotype.Component;

/**
 * Whether a competition named in a programme URL exists. The programme is created by its first venue, so a
 * command must never reach one for a competition that was never announced.
 */
@Component
class CompetitionsOnRecord {

    private final CompetitionCatalogue catalogue;
    private final ViewsAtHead views;

    CompetitionsOnRecord(CompetitionCatalogue catalogue, ViewsAtHead views) {
        this.catalogue = catalogue;
        this.views = views;
    }

    /** For a query: the competition as the views stand (a client reads its own writes with minPosition). */
    CompetitionView known(String competitionId) {
        return catalogue.find(competitionId).orElseThrow(() -> new UnknownId("competition", competitionId));
    }

    /** For a command: a competition announced a moment ago counts, so a miss waits for the views to catch up. */
    CompetitionView knownAtHead(String competitionId) {
        if (catalogue.find(competitionId).isEmpty()) {
            views.await();
        }
        return known(competitionId);
    }
}
