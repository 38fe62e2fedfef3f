package org.festivalledger.jury;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.EntityIds;
import org.springframework.stereotype.Service;

/**
 * The jury's use cases, the one way the JSON API and the organiser's pages carry them out: appointing a juror and
 * issuing their access (each hands out new credentials, once), revoking access, declaring a conflict of interest.
 * Who may ask stays with each front end (a juror declares only their own conflicts).
 */
@Service
public class JuryAppointments {

    private final CommandDispatch dispatch;
    private final JurorCredentials credentials;

    JuryAppointments(CommandDispatch dispatch, JurorCredentials credentials) {
        this.dispatch = dispatch;
        this.credentials = credentials;
    }

    /** A juror's new credentials, to be shown once, and where they were recorded (as hashes). */
    record Handed(String jurorId, JurorCredentials.Issued credentials, long position) {
    }

    /** Appoints a juror under the id given (a new one if none), with their first credentials. */
    Handed appoint(String competitionId, String jurorId, String name) {
        String id = EntityIds.chosenOrNew("id", jurorId);
        JurorCredentials.Issued issued = credentials.issue();
        Recorded recorded = dispatch.send(new AppointJuror(competitionId, id, name, issued.tokenHash(),
                issued.linkHash(), issued.linkExpiresAt()), null);
        return new Handed(id, issued, recorded.position());
    }

    /** New credentials for a juror; every earlier one stops working. */
    Handed reissue(String competitionId, String jurorId) {
        JurorCredentials.Issued issued = credentials.issue();
        Recorded recorded = dispatch.send(new IssueJurorAccess(competitionId, jurorId, issued.tokenHash(),
                issued.linkHash(), issued.linkExpiresAt()), null);
        return new Handed(jurorId, issued, recorded.position());
    }

    public Recorded revoke(String competitionId, String jurorId, String reason) {
        return dispatch.send(new RevokeJurorAccess(competitionId, jurorId, reason), reason);
    }

    public Recorded declareConflict(String competitionId, String jurorId, String submissionId, String reason) {
        return dispatch.send(new DeclareConflict(competitionId, jurorId, submissionId, reason), reason);
    }
}
