package org.festivalledger.programme;

import org.festivalledger.rules.RuleViolation;

import java.time.Instant;

/** Two bookings would hold one venue at once, its changeover after each booking included. */
public class VenueDoubleBooked extends RuleViolation {

    private final String venueName;
    private final transient Booking holder;

    public VenueDoubleBooked(String venueName, Instant from, Instant until, Booking holder) {
        super("Venue " + venueName + " is held by " + holder.kind().words() + " " + holder.id() + " from "
                + holder.startsAt() + " until " + holder.venueFreeAt() + " (changeover included); the new booking"
                + " would hold it from " + from + " until " + until);
        this.venueName = venueName;
        this.holder = holder;
    }

    /** The venue asked for, by its name, so a page can say which in the reader's language. */
    public String venueName() {
        return venueName;
    }

    /** The booking that holds the venue then: its id, kind, start and the end of its changeover. */
    public Booking holder() {
        return holder;
    }
}
