package org.festivalledger.programme;

import java.time.Instant;
import java.util.List;

/**
 * A screening or forum session as the ledger last left it. {@code sequence} rises with every change (a
 * reschedule's revision; one more for a cancellation) so calendars replace their copy instead of adding one;
 * {@code changedAt} is when the ledger recorded that change, and {@code changeReason} why, if it was said.
 */
public record ScheduleItem(String id, BookingKind kind, String title, String venueId, Instant startsAt,
                           Instant endsAt, List<FilmSlot> films, List<String> speakers, boolean publicItem,
                           boolean cancelled, String changeReason, int sequence, Instant changedAt) {

    static ScheduleItem screening(ScreeningScheduled event, Instant at) {
        return new ScheduleItem(event.screeningId(), BookingKind.SCREENING, event.title(), event.venueId(),
                event.startsAt(), event.endsAt(), List.copyOf(event.films()), List.of(), event.publicScreening(),
                false, null, 0, at);
    }

    static ScheduleItem session(ForumSessionScheduled event, Instant at) {
        return new ScheduleItem(event.sessionId(), BookingKind.FORUM_SESSION, event.title(), event.venueId(),
                event.startsAt(), event.endsAt(), List.of(), List.copyOf(event.speakers()), event.publicSession(),
                false, null, 0, at);
    }

    // The revision comes from the event, not from counting here, so handling an event twice (the log folded
    // again over the stored views after a restart) gives the same item.
    ScheduleItem moved(String newVenueId, Instant newStart, Instant newEnd, List<FilmSlot> newFilms, int revision,
                       String reason, Instant at) {
        return new ScheduleItem(id, kind, title, newVenueId, newStart, newEnd, List.copyOf(newFilms), speakers,
                publicItem, cancelled, reason, revision, at);
    }

    ScheduleItem asCancelled(String reason, Instant at) {
        return cancelled ? this : new ScheduleItem(id, kind, title, venueId, startsAt, endsAt, films, speakers,
                publicItem, true, reason, sequence + 1, at);
    }
}
