package org.festivalledger.programme;

import org.festivalledger.rules.RuleViolation;

import java.time.Instant;

/** Two bookings would hold one venue at once, its changeover after each booking included. */
public class VenueDoubleBooked extends RuleViolation {

    public VenueDoubleBooked(String venueName, Instant from, Instant until, Booking holder) {
        super("Venue " + venueName + " is held by " + holder.kind().words() + " " + holder.id() + " from "
                + holder.startsAt() + " until " + holder.venueFreeAt() + " (changeover included); the new booking"
                + " would hold it from " + from + " until " + until);
    }
}
