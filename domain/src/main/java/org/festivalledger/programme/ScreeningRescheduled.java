package org.festivalledger.programme;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A screening moved (and perhaps changed its films); its slot computed as when it was scheduled.
 * {@code revision} counts its reschedules (1 for the first), so calendars can tell a newer version.
 */
@Revision("1")
public record ScreeningRescheduled(String competitionId, String screeningId, String venueId, Instant startsAt,
                                   Instant endsAt, List<FilmSlot> films, int changeoverMinutes, int revision,
                                   String reason) {
}
