package org.festivalledger.round;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.springframework.stereotype.Service;

/** Closing a round (no more scores): the one way the JSON API and the organiser's pages do it. */
@Service
public class RoundClosing {

    private final CommandDispatch dispatch;

    RoundClosing(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public Recorded close(String competitionId, String roundId) {
        return dispatch.send(new CloseRound(competitionId, roundId), null);
    }
}
