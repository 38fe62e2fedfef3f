package org.festivalledger.programme;

import org.festivalledger.rules.RuleViolation;

/** A speaker would be in two forum sessions at once. */
public class SpeakerDoubleBooked extends RuleViolation {

    public SpeakerDoubleBooked(String speaker, Booking other) {
        super(speaker + " already speaks in forum session " + other.id() + " from " + other.startsAt() + " until "
                + other.endsAt());
    }
}
