package org.festivalledger.programme;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.festivalledger.programme.ScheduleLayout.Audience;
import org.festivalledger.submission.EntryChanges;
import org.festivalledger.submission.SubmissionAmended;
import org.festivalledger.submission.SubmissionReceived;
import org.festivalledger.submission.SubmissionRuledIneligible;
import org.festivalledger.submission.SubmissionStatus;
import org.festivalledger.submission.SubmissionWithdrawn;
import org.festivalledger.view.StoredViews;
import org.festivalledger.view.ViewPositions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The festival's schedule: every competition's venues, screenings and forum sessions, and the facts of every
 * entry a screening may show, served from memory and written through to MongoDB.
 * <p>
 * It follows the entries itself (rather than asking the entry register) so that its warnings depend only on
 * the events it has handled: rebuilt from zero, or read at a given position, it gives the same schedule.
 */
@Component
@ProcessingGroup(ProgrammeSchedule.PROCESSING_GROUP)
public class ProgrammeSchedule {

    public static final String PROCESSING_GROUP = "programme";

    private final StoredViews<ProgrammeView> storedProgrammes;
    private final StoredViews<FilmFacts> storedFilms;
    private final ViewPositions positions;
    private final Map<String, ProgrammeView> programmes = new ConcurrentHashMap<>();
    private final Map<String, FilmFacts> films = new ConcurrentHashMap<>();
    private final ZoneId festivalZone;

    /** @param timeZone the festival's time zone, whose calendar days the schedule is grouped by */
    public ProgrammeSchedule(MongoDatabase database,
                             @Value("${ledger.programme.time-zone:Asia/Shanghai}") String timeZone) {
        this.festivalZone = ZoneId.of(timeZone);
        this.storedProgrammes = new StoredViews<>(database, "view_programmes", ProgrammeView.class);
        this.storedFilms = new StoredViews<>(database, "view_programme_films", FilmFacts.class);
        this.positions = new ViewPositions(database);
        programmes.putAll(storedProgrammes.loadAll());
        films.putAll(storedFilms.loadAll());
    }

    // ---- queries ----

    /** The public schedule by day (in the festival's time zone) and venue: public items still on, no warnings. */
    public Schedule publicSchedule(String competitionId) {
        return publicSchedule(competitionId, festivalZone);
    }

    public Schedule publicSchedule(String competitionId, ZoneId zone) {
        return ScheduleLayout.of(programme(competitionId), films::get, zone, Audience.PUBLIC);
    }

    /** Everything the organiser has booked, cancelled items too, with warnings about films that left the competition. */
    public Schedule organiserSchedule(String competitionId, ZoneId zone) {
        return ScheduleLayout.of(programme(competitionId), films::get, zone, Audience.ORGANISER);
    }

    /** Every public item, cancelled ones too, for a calendar feed. */
    public List<CalendarItem> publicCalendar(String competitionId) {
        return ScheduleLayout.calendar(programme(competitionId), films::get);
    }

    public List<VenueView> venues(String competitionId) {
        return programme(competitionId).venues();
    }

    /** A screening or forum session of the competition, as last recorded. */
    public Optional<ScheduleItem> item(String competitionId, String itemId) {
        return programme(competitionId).item(itemId);
    }

    /** An entry's facts as the schedule knows them. */
    public Optional<FilmFacts> film(String submissionId) {
        return Optional.ofNullable(films.get(submissionId));
    }

    /** The festival's time zone: the days of {@link #publicSchedule(String)} are its calendar days. */
    public ZoneId festivalZone() {
        return festivalZone;
    }

    private ProgrammeView programme(String competitionId) {
        return programmes.getOrDefault(competitionId, ProgrammeView.empty(competitionId));
    }

    // ---- the entries ----

    @EventHandler
    void on(SubmissionReceived event) {
        putFilm(new FilmFacts(event.submissionId(), event.competitionId(), event.entry().title(),
                event.entry().runtimeMinutes(), SubmissionStatus.RECEIVED, null));
    }

    /** An amended title or runtime is what later screenings are planned with. */
    @EventHandler
    void on(SubmissionAmended event) {
        EntryChanges changed = event.changed();
        if (changed.title() != null || changed.runtimeMinutes() != null) {
            film(event.submissionId()).ifPresent(film -> putFilm(new FilmFacts(film.submissionId(), film.competitionId(),
                    changed.title() != null ? changed.title() : film.title(),
                    changed.runtimeMinutes() != null ? changed.runtimeMinutes() : film.runtimeMinutes(),
                    film.status(), film.statusReason())));
        }
    }

    @EventHandler
    void on(SubmissionWithdrawn event) {
        film(event.submissionId()).ifPresent(film -> putFilm(film.with(SubmissionStatus.WITHDRAWN, event.reason())));
    }

    @EventHandler
    void on(SubmissionRuledIneligible event) {
        film(event.submissionId()).ifPresent(film -> putFilm(film.with(SubmissionStatus.INELIGIBLE, event.reason())));
    }

    // ---- the programme ----

    @EventHandler
    void on(ProgrammeEstablished event) {
        update(event.competitionId(), UnaryOperator.identity());
    }

    @EventHandler
    void on(VenueAdded event) {
        update(event.competitionId(), programme -> programme.withVenue(new VenueView(event.venueId(), event.name(),
                event.capacity(), event.changeoverMinutes())));
    }

    @EventHandler
    void on(ScreeningScheduled event, @Timestamp Instant at) {
        update(event.competitionId(), programme -> programme.withItem(ScheduleItem.screening(event, at)));
    }

    @EventHandler
    void on(ScreeningRescheduled event, @Timestamp Instant at) {
        updateItem(event.competitionId(), event.screeningId(), item -> item.moved(event.venueId(), event.startsAt(),
                event.endsAt(), event.films(), event.revision(), event.reason(), at));
    }

    @EventHandler
    void on(ScreeningCancelled event, @Timestamp Instant at) {
        updateItem(event.competitionId(), event.screeningId(), item -> item.asCancelled(event.reason(), at));
    }

    @EventHandler
    void on(ForumSessionScheduled event, @Timestamp Instant at) {
        update(event.competitionId(), programme -> programme.withItem(ScheduleItem.session(event, at)));
    }

    @EventHandler
    void on(ForumSessionRescheduled event, @Timestamp Instant at) {
        updateItem(event.competitionId(), event.sessionId(), item -> item.moved(event.venueId(), event.startsAt(),
                event.endsAt(), item.films(), event.revision(), event.reason(), at));
    }

    @EventHandler
    void on(ForumSessionCancelled event, @Timestamp Instant at) {
        updateItem(event.competitionId(), event.sessionId(), item -> item.asCancelled(event.reason(), at));
    }

    @ResetHandler
    void reset() {
        positions.clear(PROCESSING_GROUP); // first: a crash mid-rebuild must not resume from the old position
        programmes.clear();
        films.clear();
        storedProgrammes.clear();
        storedFilms.clear();
    }

    private void putFilm(FilmFacts film) {
        films.put(film.submissionId(), film);
        storedFilms.save(film.submissionId(), film);
    }

    private void update(String competitionId, UnaryOperator<ProgrammeView> change) {
        ProgrammeView next = change.apply(programme(competitionId));
        programmes.put(competitionId, next);
        storedProgrammes.save(competitionId, next);
    }

    private void updateItem(String competitionId, String itemId, UnaryOperator<ScheduleItem> change) {
        update(competitionId, programme -> programme.item(itemId).map(change).map(programme::withItem)
                .orElse(programme));
    }
}
