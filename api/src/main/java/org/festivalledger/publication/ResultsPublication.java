package org.festivalledger.publication;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Publishing a competition's results (lifting the embargo): the one way the JSON API and the pages do it. */
@Service
public class ResultsPublication {

    private final CommandDispatch dispatch;
    private final Clock clock;

    ResultsPublication(CommandDispatch dispatch, Clock clock) {
        this.dispatch = dispatch;
        this.clock = clock;
    }

    public Recorded publish(String competitionId) {
        return dispatch.send(new PublishResults(competitionId, clock.instant()), null);
    }
}
