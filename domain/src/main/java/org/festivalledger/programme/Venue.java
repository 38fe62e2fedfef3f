package org.festivalledger.programme;

import org.festivalledger.rules.Bounds;
import org.festivalledger.rules.InvalidInput;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A venue as the programme's rules see it: how long it needs to turn round after a booking. */
record Venue(String venueId, String name, int capacity, int changeoverMinutes) {

    /**
     * A screening's slot is computed rather than chosen: its films back to back, then the changeover. So the end
     * it publishes is also when the venue is free again (the API contract: runtimes plus changeover).
     */
    Instant screeningEnd(Instant startsAt, List<FilmSlot> films) {
        // Summed as longs, and checked against the calendar's end before adding: runtimes are only as bounded as
        // a competition's maximum runtime, and a screening may hold many films.
        long minutes = films.stream().mapToLong(FilmSlot::runtimeMinutes).sum() + changeoverMinutes;
        if (minutes > Duration.between(startsAt, Bounds.LATEST).toMinutes()) {
            throw InvalidInput.of("submissionIds", "run past " + Bounds.LATEST + " from " + startsAt);
        }
        return startsAt.plus(Duration.ofMinutes(minutes));
    }

    /** A forum session's end is the organiser's, so the changeover comes after it. */
    Instant freeAfterSession(Instant endsAt) {
        return endsAt.plus(Duration.ofMinutes(changeoverMinutes));
    }
}
