package org.festivalledger.programme;

import org.festivalledger.rules.RuleViolation;

/** A speaker would be in two forum sessions at once. */
public class SpeakerDoubleBooked extends RuleViolation {

    private final String speaker;
    private final transient Booking other;

    public SpeakerDoubleBooked(String speaker, Booking other) {
        super(speaker + " already speaks in forum session " + other.id() + " from " + other.startsAt() + " until "
                + other.endsAt());
        this.speaker = speaker;
        this.other = other;
    }

    /** The speaker as the request named them. */
    public String speaker() {
        return speaker;
    }

    /** The session they already speak in then. */
    public Booking other() {
        return other;
    }
}
