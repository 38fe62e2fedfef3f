package org.festivalledger.programme;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.EntityIds;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/** Forum sessions scheduled, moved and cancelled: the one way the JSON API and the organiser's pages do it. */
@Service
class ForumSessionBookings {

    private final CommandDispatch dispatch;
    private final CompetitionsOnRecord competitions;

    ForumSessionBookings(CommandDispatch dispatch, CompetitionsOnRecord competitions) {
        this.dispatch = dispatch;
        this.competitions = competitions;
    }

    /** A session scheduled; {@code sessionId} null lets the server choose one. */
    Booked schedule(String competitionId, String sessionId, String title, List<String> speakers, String venueId,
                    Instant startsAt, Instant endsAt, boolean isPublic) {
        String id = EntityIds.chosenOrNew("id", sessionId);
        competitions.knownAtHead(competitionId);
        return new Booked(id, dispatch.send(new ScheduleForumSession(competitionId, id, title, speakers, venueId,
                startsAt, endsAt, isPublic), null));
    }

    /** A move: a venue or start left null stays, an end left null keeps the session's length. */
    Booked reschedule(String competitionId, String sessionId, String venueId, Instant startsAt, Instant endsAt,
                      String reason) {
        competitions.knownAtHead(competitionId);
        return new Booked(sessionId, dispatch.send(new RescheduleForumSession(competitionId, sessionId, venueId,
                startsAt, endsAt, reason), reason));
    }

    Booked cancel(String competitionId, String sessionId, String reason) {
        competitions.knownAtHead(competitionId);
        return new Booked(sessionId, dispatch.send(new CancelForumSession(competitionId, sessionId, reason), reason));
    }
}
