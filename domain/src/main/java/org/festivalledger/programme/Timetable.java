package org.festivalledger.programme;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every booking of a programme, cancelled ones too (their ids stay taken): what the clash rules consult. */
final class Timetable {

    private Map<String, Booking> bookings = new LinkedHashMap<>();

    /** For Jackson, which reads the programme's snapshots. */
    Timetable() {
    }

    Optional<Booking> find(String bookingId) {
        return Optional.ofNullable(bookings.get(bookingId));
    }

    /** The booking of this kind, or {@link UnknownBooking}: a screening id does not reach a forum session. */
    Booking existing(BookingKind kind, String bookingId, String competitionId) {
        Booking booking = bookings.get(bookingId);
        if (booking == null || booking.kind() != kind) {
            throw new UnknownBooking(kind, bookingId, competitionId);
        }
        return booking;
    }

    /** The first booking (other than {@code ignoring}) holding the venue at some moment of [from, until). */
    Optional<Booking> holderOf(String venueId, Instant from, Instant until, String ignoring) {
        return bookings.values().stream()
                .filter(booking -> !booking.id().equals(ignoring) && booking.holds(venueId, from, until))
                .findFirst();
    }

    /** The first forum session (other than {@code ignoring}) where {@code speaker} speaks at some moment of [from, until). */
    Optional<Booking> sessionOf(String speaker, Instant from, Instant until, String ignoring) {
        return bookings.values().stream()
                .filter(booking -> !booking.id().equals(ignoring) && booking.occupiesSpeakersDuring(from, until))
                .filter(booking -> booking.speakers().stream().anyMatch(name -> Speakers.same(name, speaker)))
                .findFirst();
    }

    void put(Booking booking) {
        bookings.put(booking.id(), booking);
    }

    List<Booking> all() {
        return List.copyOf(bookings.values());
    }
}
