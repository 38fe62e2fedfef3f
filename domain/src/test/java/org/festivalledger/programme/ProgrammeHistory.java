package org.festivalledger.programme;

import org.festivalledger.submission.SubmissionStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The history a programme test starts from, told step by step: the AIGC unit's programme on 20 April 2026, in a
 * cinema hall that needs 15 minutes between bookings and a studio that needs 10. Times are UTC, written "HH:MM".
 */
final class ProgrammeHistory {

    static final String COMPETITION = "bjiff-aigc-2026";
    static final String HALL = "hall-1";
    static final String STUDIO = "studio-2";

    private final List<Object> events = new ArrayList<>();

    private ProgrammeHistory() {
        events.add(new ProgrammeEstablished(COMPETITION));
        events.add(new VenueAdded(COMPETITION, HALL, "Cinema Hall 1", 420, 15));
        events.add(new VenueAdded(COMPETITION, STUDIO, "Forum Studio", 80, 10));
    }

    /** A programme with its two venues and nothing booked yet. */
    static ProgrammeHistory aProgramme() {
        return new ProgrammeHistory();
    }

    static Instant at(String time) {
        return Instant.parse("2026-04-20T" + time + ":00Z");
    }

    static ScheduledFilm film(String submissionId, int runtimeMinutes) {
        return new ScheduledFilm(submissionId, runtimeMinutes, SubmissionStatus.RECEIVED);
    }

    /** A public screening in the hall of films of 12 and 15 minutes: 27 minutes, then 15 of changeover. */
    ProgrammeHistory withScreening(String screeningId, String venueId, String startsAt, String endsAt) {
        events.add(new ScreeningScheduled(COMPETITION, screeningId, "Shorts " + screeningId, venueId, at(startsAt),
                at(endsAt), List.of(new FilmSlot("entry-001", 12), new FilmSlot("entry-002", 15)),
                venueId.equals(HALL) ? 15 : 10, true));
        return this;
    }

    ProgrammeHistory withCancelledScreening(String screeningId) {
        events.add(new ScreeningCancelled(COMPETITION, screeningId, "the print did not arrive"));
        return this;
    }

    ProgrammeHistory withSession(String sessionId, String venueId, String startsAt, String endsAt,
                                 String... speakers) {
        events.add(new ForumSessionScheduled(COMPETITION, sessionId, "Panel " + sessionId, Arrays.asList(speakers),
                venueId, at(startsAt), at(endsAt), true));
        return this;
    }

    ProgrammeHistory withCancelledSession(String sessionId) {
        events.add(new ForumSessionCancelled(COMPETITION, sessionId, "the speakers' flight was cancelled"));
        return this;
    }

    List<Object> events() {
        return List.copyOf(events);
    }
}
