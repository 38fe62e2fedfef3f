package org.festivalledger.programme;

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
        int minutes = films.stream().mapToInt(FilmSlot::runtimeMinutes).sum() + changeoverMinutes;
        return startsAt.plus(Duration.ofMinutes(minutes));
    }

    /** A forum session's end is the organiser's, so the changeover comes after it. */
    Instant freeAfterSession(Instant endsAt) {
        return endsAt.plus(Duration.ofMinutes(changeoverMinutes));
    }
}
