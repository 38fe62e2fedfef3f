package org.festivalledger.shortlist;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.http.UnknownId;
import org.festivalledger.http.ViewsCatchingUp;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.standings.Standings;
import org.festivalledger.standings.StandingsTimeTravel;
import org.festivalledger.standings.StandingsTimeTravel.PastJudging;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Drawing a shortlist, the one way the JSON API and the organiser's pages do it. It prepares the decision: the round's standings at the ledger's current head, computed by replaying the
 * judging through the same fold and calculator an auditor replays, with the judging's version at that head so
 * the decision is refused if anything is recorded in between.
 */
@Component
public class ShortlistDrawing {

    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final StandingsTimeTravel timeTravel;
    private final ProjectionProgress progress;
    private final LedgerLog ledger;
    private final CommandDispatch dispatch;

    ShortlistDrawing(StandingsTimeTravel timeTravel, ProjectionProgress progress, LedgerLog ledger,
                     CommandDispatch dispatch) {
        this.dispatch = dispatch;
        this.timeTravel = timeTravel;
        this.progress = progress;
        this.ledger = ledger;
    }

    /** Draws the shortlist: prepares the decision at the head and has the judging decide it. */
    public Recorded draw(String competitionId, String roundId, int size, List<ShortlistOverride> overrides,
                         String rationale) {
        return dispatch.send(prepare(competitionId, roundId, size, overrides, rationale), rationale);
    }

    public DrawShortlist prepare(String competitionId, String roundId, int size, List<ShortlistOverride> overrides,
                                 String rationale) {
        long position = ledger.head().position();
        // Titles and receipt times for the tie-break come from the live board: let it see the whole ledger first.
        if (!progress.awaitPosition(position, CATCH_UP)) {
            throw new ViewsCatchingUp();
        }
        PastJudging judging = timeTravel.replay(competitionId, position);
        if (judging.lastSequence() == null) {
            throw new UnknownId("competition", competitionId);
        }
        Standings standings = judging.standings(roundId).orElseThrow(() -> new UnknownId("round", roundId));
        return new DrawShortlist(competitionId, roundId, size, standings.ranking(),
                overrides == null ? List.of() : overrides,
                rationale, position, judging.lastSequence());
    }
}
