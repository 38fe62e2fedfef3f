package org.festivalledger.programme;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.EntityIds;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/**
 * Screenings scheduled, moved and cancelled: the one way the JSON API and the organiser's pages do it, so both
 * read the films' facts the same way (from the entry register, once the views hold the whole ledger).
 */
@Service
class ScreeningBookings {

    private final CommandDispatch dispatch;
    private final FilmsOnRecord films;
    private final ProgrammeSchedule schedule;
    private final CompetitionsOnRecord competitions;
    private final ViewsAtHead views;

    ScreeningBookings(CommandDispatch dispatch, FilmsOnRecord films, ProgrammeSchedule schedule,
                      CompetitionsOnRecord competitions, ViewsAtHead views) {
        this.dispatch = dispatch;
        this.films = films;
        this.schedule = schedule;
        this.competitions = competitions;
        this.views = views;
    }

    /** A screening scheduled; {@code screeningId} null lets the server choose one. */
    Booked schedule(String competitionId, String screeningId, String title, String venueId, Instant startsAt,
                    List<String> submissionIds, boolean isPublic) {
        String id = EntityIds.chosenOrNew("id", screeningId);
        competitions.knownAtHead(competitionId);
        return new Booked(id, dispatch.send(new ScheduleScreening(competitionId, id, title, venueId, startsAt,
                films.named(competitionId, submissionIds), isPublic), null));
    }

    /**
     * A move names the films it will show (null: the ones it shows now), with their facts as of now, so a film
     * that has left the competition cannot be carried into the new slot. A venue or start left null stays.
     */
    Booked reschedule(String competitionId, String screeningId, String venueId, Instant startsAt,
                      List<String> submissionIds, String reason) {
        competitions.knownAtHead(competitionId);
        List<String> filmIds = submissionIds != null ? submissionIds : currentFilms(competitionId, screeningId);
        return new Booked(screeningId, dispatch.send(new RescheduleScreening(competitionId, screeningId, venueId,
                startsAt, films.named(competitionId, filmIds), reason), reason));
    }

    Booked cancel(String competitionId, String screeningId, String reason) {
        competitions.knownAtHead(competitionId);
        return new Booked(screeningId, dispatch.send(new CancelScreening(competitionId, screeningId, reason), reason));
    }

    // Read once the views hold the whole ledger, so a change recorded a moment ago is not undone: a screening
    // the schedule does not know is left to the programme, which answers 404.
    private List<String> currentFilms(String competitionId, String screeningId) {
        views.await();
        return schedule.item(competitionId, screeningId)
                .filter(item -> item.kind() == BookingKind.SCREENING)
                .map(item -> item.films().stream().map(FilmSlot::submissionId).toList())
                .orElse(null);
    }
}
