package org.festivalledger.programme;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A screening was scheduled. Its slot was computed, not chosen: {@code endsAt} is {@code startsAt} plus the
 * films' runtimes plus the venue's {@code changeoverMinutes}, all recorded so the arithmetic can be checked.
 */
@Revision("1")
public record ScreeningScheduled(String competitionId, String screeningId, String title, String venueId,
                                 Instant startsAt, Instant endsAt, List<FilmSlot> films, int changeoverMinutes,
                                 boolean publicScreening) {
}
