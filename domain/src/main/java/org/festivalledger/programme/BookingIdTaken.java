package org.festivalledger.programme;

import org.festivalledger.rules.StateConflict;

/**
 * Screenings and forum sessions share one id space in a programme (their calendar entries are named by it),
 * and an id is never reused, not even after a cancellation, so a calendar never confuses two events.
 */
public class BookingIdTaken extends StateConflict {

    public BookingIdTaken(String bookingId, BookingKind holder) {
        super("The programme already has a " + holder.words() + " " + bookingId);
    }
}
