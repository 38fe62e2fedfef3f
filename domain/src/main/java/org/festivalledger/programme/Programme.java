package org.festivalledger.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.festivalledger.rules.Problems;
import org.festivalledger.rules.TextKind;
import org.festivalledger.submission.ReasonRequired;
import org.festivalledger.submission.SubmissionStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A competition's programme: its venues, screenings and forum sessions.
 * <p>
 * Whether a booking may be made depends on every other booking in its venue, and a forum session on every
 * session its speakers are in, whichever venue that is: set validation across many bookings. One aggregate per
 * competition holds them all, so each check and the booking it allows are one atomic decision against one
 * consistent state; two organisers booking the same hall at once cannot both succeed (the second append
 * conflicts and is retried against the first). Per venue would not do, as speakers cross venues. A festival
 * programme is a few hundred bookings, so the stream stays short, and the ledger serialises appends anyway.
 * <p>
 * It is created by the first venue added (older ledgers have competitions without one), and it remembers only
 * what its rules consult: each venue's changeover, and each booking's venue, times and speakers. Films' facts
 * are not followed here: each command carries them as the entry register knew them (see {@link ScheduledFilm}).
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger")
public class Programme {

    @AggregateIdentifier
    private String programmeId;
    private Map<String, Venue> venues = new LinkedHashMap<>();
    private Timetable timetable = new Timetable();

    /** For Axon, which rebuilds a programme from its events, and for Jackson, which reads its snapshots. */
    protected Programme() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddVenue command) {
        WellFormedProgramme.problemsOf(command).throwIfAny();
        if (venues.containsKey(command.venueId())) {
            throw new VenueAlreadyAdded(command.venueId(), command.competitionId());
        }
        if (programmeId == null) {
            apply(new ProgrammeEstablished(command.competitionId()));
        }
        apply(new VenueAdded(command.competitionId(), command.venueId(), command.name().strip(), command.capacity(),
                command.changeoverMinutes()));
    }

    // Every other command may meet a programme that does not exist yet: it then finds no venue or booking and
    // is refused, and nothing is created.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Slot handle(ScheduleScreening command) {
        WellFormedProgramme.problemsOf(command).throwIfAny();
        requireUnused(command.screeningId());
        Venue venue = venue(command.venueId(), command.competitionId());
        requireSchedulable(command.films());
        List<FilmSlot> films = command.films().stream().map(ScheduledFilm::slot).toList();
        Instant endsAt = venue.screeningEnd(command.startsAt(), films);
        requireVenueFree(venue, command.startsAt(), endsAt, command.screeningId());
        apply(new ScreeningScheduled(command.competitionId(), command.screeningId(), command.title().strip(),
                venue.venueId(), command.startsAt(), endsAt, films, venue.changeoverMinutes(),
                command.publicScreening()));
        return new Slot(venue.venueId(), command.startsAt(), endsAt);
    }

    /**
     * A reschedule takes the films' facts as they are now, so a film withdrawn since the screening was scheduled
     * must be replaced (or the screening cancelled): a new slot is a new decision to screen it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Slot handle(RescheduleScreening command) {
        Booking screening = timetable.existing(BookingKind.SCREENING, command.screeningId(), command.competitionId());
        requireNotCancelled(screening, "rescheduled");
        WellFormedProgramme.problemsOf(command).throwIfAny();
        Venue venue = venue(command.venueId() == null ? screening.venueId() : command.venueId(),
                command.competitionId());
        Instant startsAt = command.startsAt() == null ? screening.startsAt() : command.startsAt();
        requireSchedulable(command.films());
        List<FilmSlot> films = command.films().stream().map(ScheduledFilm::slot).toList();
        Instant endsAt = venue.screeningEnd(startsAt, films);
        requireVenueFree(venue, startsAt, endsAt, screening.id());
        apply(new ScreeningRescheduled(command.competitionId(), screening.id(), venue.venueId(), startsAt, endsAt,
                films, venue.changeoverMinutes(), screening.revision() + 1, blankToNull(command.reason())));
        return new Slot(venue.venueId(), startsAt, endsAt);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CancelScreening command) {
        Booking screening = timetable.existing(BookingKind.SCREENING, command.screeningId(), command.competitionId());
        requireReason(command.reason(), "cancel a screening");
        requireNotCancelled(screening, "cancelled again");
        apply(new ScreeningCancelled(command.competitionId(), screening.id(), command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Slot handle(ScheduleForumSession command) {
        WellFormedProgramme.problemsOf(command).throwIfAny();
        requireUnused(command.sessionId());
        Venue venue = venue(command.venueId(), command.competitionId());
        requireVenueFree(venue, command.startsAt(), venue.freeAfterSession(command.endsAt()), command.sessionId());
        List<String> speakers = command.speakers().stream().map(String::strip).toList();
        requireSpeakersFree(speakers, command.startsAt(), command.endsAt(), command.sessionId());
        apply(new ForumSessionScheduled(command.competitionId(), command.sessionId(), command.title().strip(),
                speakers, venue.venueId(), command.startsAt(), command.endsAt(), command.publicSession()));
        return new Slot(venue.venueId(), command.startsAt(), command.endsAt());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Slot handle(RescheduleForumSession command) {
        Booking session = timetable.existing(BookingKind.FORUM_SESSION, command.sessionId(), command.competitionId());
        requireNotCancelled(session, "rescheduled");
        Instant startsAt = command.startsAt() == null ? session.startsAt() : command.startsAt();
        Instant endsAt = command.endsAt() != null ? command.endsAt()
                : startsAt.plus(Duration.between(session.startsAt(), session.endsAt()));
        WellFormedProgramme.checkTimes(startsAt, endsAt, new Problems())
                .limitText(command.reason(), "reason", TextKind.PROSE).throwIfAny();
        Venue venue = venue(command.venueId() == null ? session.venueId() : command.venueId(),
                command.competitionId());
        requireVenueFree(venue, startsAt, venue.freeAfterSession(endsAt), session.id());
        requireSpeakersFree(session.speakers(), startsAt, endsAt, session.id());
        apply(new ForumSessionRescheduled(command.competitionId(), session.id(), venue.venueId(), startsAt, endsAt,
                session.revision() + 1, blankToNull(command.reason())));
        return new Slot(venue.venueId(), startsAt, endsAt);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CancelForumSession command) {
        Booking session = timetable.existing(BookingKind.FORUM_SESSION, command.sessionId(), command.competitionId());
        requireReason(command.reason(), "cancel a forum session");
        requireNotCancelled(session, "cancelled again");
        apply(new ForumSessionCancelled(command.competitionId(), session.id(), command.reason()));
    }

    private Venue venue(String venueId, String requestedCompetition) {
        Venue venue = venueId == null ? null : venues.get(venueId);
        if (venue == null) {
            throw new UnknownVenue(venueId, requestedCompetition);
        }
        return venue;
    }

    private void requireUnused(String bookingId) {
        timetable.find(bookingId).ifPresent(booking -> {
            throw new BookingIdTaken(bookingId, booking.kind());
        });
    }

    private static void requireSchedulable(List<ScheduledFilm> films) {
        films.stream().filter(film -> film.status() != SubmissionStatus.RECEIVED).findFirst().ifPresent(film -> {
            throw new FilmCannotBeScheduled(film.submissionId(), film.status());
        });
    }

    private void requireVenueFree(Venue venue, Instant from, Instant until, String bookingId) {
        timetable.holderOf(venue.venueId(), from, until, bookingId).ifPresent(holder -> {
            throw new VenueDoubleBooked(venue.name(), from, until, holder);
        });
    }

    private void requireSpeakersFree(List<String> speakers, Instant from, Instant until, String sessionId) {
        for (String speaker : speakers) {
            timetable.sessionOf(speaker, from, until, sessionId).ifPresent(other -> {
                throw new SpeakerDoubleBooked(speaker, other);
            });
        }
    }

    private static void requireNotCancelled(Booking booking, String decision) {
        if (booking.cancelled()) {
            throw new AlreadyCancelled(booking.kind(), booking.id(), decision);
        }
    }

    private static void requireReason(String reason, String decision) {
        if (TextKind.isBlank(reason)) {
            throw new ReasonRequired(decision);
        }
        new Problems().limitText(reason, "reason", TextKind.PROSE).throwIfAny();
    }

    private static String blankToNull(String text) {
        return TextKind.isBlank(text) ? null : text;
    }

    @EventSourcingHandler
    void on(ProgrammeEstablished event) {
        programmeId = ProgrammeId.of(event.competitionId());
    }

    @EventSourcingHandler
    void on(VenueAdded event) {
        venues.put(event.venueId(), new Venue(event.venueId(), event.name(), event.capacity(),
                event.changeoverMinutes()));
    }

    @EventSourcingHandler
    void on(ScreeningScheduled event) {
        timetable.put(new Booking(event.screeningId(), BookingKind.SCREENING, event.venueId(), event.startsAt(),
                event.endsAt(), event.endsAt(), List.of(), 0, false));
    }

    @EventSourcingHandler
    void on(ScreeningRescheduled event) {
        Booking screening = timetable.find(event.screeningId()).orElseThrow();
        timetable.put(screening.movedTo(event.venueId(), event.startsAt(), event.endsAt(), event.endsAt(),
                event.revision()));
    }

    @EventSourcingHandler
    void on(ScreeningCancelled event) {
        timetable.put(timetable.find(event.screeningId()).orElseThrow().asCancelled());
    }

    @EventSourcingHandler
    void on(ForumSessionScheduled event) {
        Instant freeAt = venues.get(event.venueId()).freeAfterSession(event.endsAt());
        timetable.put(new Booking(event.sessionId(), BookingKind.FORUM_SESSION, event.venueId(), event.startsAt(),
                event.endsAt(), freeAt, List.copyOf(event.speakers()), 0, false));
    }

    @EventSourcingHandler
    void on(ForumSessionRescheduled event) {
        Booking session = timetable.find(event.sessionId()).orElseThrow();
        Instant freeAt = venues.get(event.venueId()).freeAfterSession(event.endsAt());
        timetable.put(session.movedTo(event.venueId(), event.startsAt(), event.endsAt(), freeAt, event.revision()));
    }

    @EventSourcingHandler
    void on(ForumSessionCancelled event) {
        timetable.put(timetable.find(event.sessionId()).orElseThrow().asCancelled());
    }
}
