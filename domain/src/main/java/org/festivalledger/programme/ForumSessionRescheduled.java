package org.festivalledger.programme;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A forum session moved; {@code revision} counts its reschedules (1 for the first). */
@Revision("1")
public record ForumSessionRescheduled(String competitionId, String sessionId, String venueId, Instant startsAt,
                                      Instant endsAt, int revision, String reason) {
}
