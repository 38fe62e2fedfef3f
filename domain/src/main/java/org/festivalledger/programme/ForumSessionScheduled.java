package org.festivalledger.programme;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A forum session was scheduled with its speakers; its venue turns round for its changeover after {@code endsAt}. */
@Revision("1")
public record ForumSessionScheduled(String competitionId, String sessionId, String title, List<String> speakers,
                                    String venueId, Instant startsAt, Instant endsAt, boolean publicSession) {
}
