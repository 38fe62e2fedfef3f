package org.festivalledger.round;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Who judges which entry in a round: the automatic draw, its preview, and a change by hand; the one way the JSON
 * API and the organiser's pages do it. Each is one command, so a page's form records it under its one key.
 */
@Service
public class JurorAssignments {

    private final CommandDispatch dispatch;

    JurorAssignments(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /** Every open slot of the round filled by the judging's own draw (nothing recorded if none is open). */
    public Recorded automatically(String competitionId, String roundId) {
        return dispatch.send(new AssignJurorsAutomatically(competitionId, roundId), null);
    }

    /**
     * What {@link #automatically} would record now: the judging runs the same draw on the same state and records
     * nothing. Another decision in between (a conflict, a new juror) may change the draw that is then recorded.
     */
    @SuppressWarnings("unchecked")
    public List<Assignment> preview(String competitionId, String roundId) {
        return (List<Assignment>) dispatch.send(new PreviewAutomaticAssignment(competitionId, roundId), null)
                .result();
    }

    public Recorded assign(String competitionId, String roundId, String jurorId, String submissionId) {
        return dispatch.send(new AssignJuror(competitionId, roundId, jurorId, submissionId), null);
    }

    public Recorded unassign(String competitionId, String roundId, String jurorId, String submissionId,
                             String reason) {
        return dispatch.send(new UnassignJuror(competitionId, roundId, jurorId, submissionId, reason), reason);
    }
}
