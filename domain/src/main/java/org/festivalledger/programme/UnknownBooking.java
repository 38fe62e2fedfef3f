package org.festivalledger.programme;

import org.festivalledger.rules.UnknownEntity;

/** No screening (or forum session) with this id is in the competition's programme. */
public class UnknownBooking extends UnknownEntity {

    public UnknownBooking(BookingKind kind, String bookingId, String competitionId) {
        super("Competition " + competitionId + " has no " + kind.words() + " " + bookingId);
    }
}
