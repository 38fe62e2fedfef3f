package org.festivalledger.programme;

import java.time.Instant;
import java.util.List;

/**
 * A screening or forum session as the programme's rules see it: the venue it holds from {@code startsAt} until
 * {@code venueFreeAt} (changeover included), and for a session the speakers it occupies until {@code endsAt}.
 */
public record Booking(String id, BookingKind kind, String venueId, Instant startsAt, Instant endsAt,
                      Instant venueFreeAt, List<String> speakers, int revision, boolean cancelled) {

    Booking movedTo(String newVenueId, Instant newStart, Instant newEnd, Instant newFreeAt, int newRevision) {
        return new Booking(id, kind, newVenueId, newStart, newEnd, newFreeAt, speakers, newRevision, cancelled);
    }

    Booking asCancelled() {
        return new Booking(id, kind, venueId, startsAt, endsAt, venueFreeAt, speakers, revision, true);
    }

    /** Whether this booking holds {@code venue} at any moment of [from, until); touching ends do not clash. */
    boolean holds(String venue, Instant from, Instant until) {
        return !cancelled && venueId.equals(venue) && startsAt.isBefore(until) && from.isBefore(venueFreeAt);
    }

    /** Whether this session's speakers are busy at any moment of [from, until); the changeover is the venue's, not theirs. */
    boolean occupiesSpeakersDuring(Instant from, Instant until) {
        return !cancelled && kind == BookingKind.FORUM_SESSION && startsAt.isBefore(until) && from.isBefore(endsAt);
    }
}
