package org.festivalledger.programme;

import org.axonframework.serialization.Revision;

/** A forum session was cancelled, for the reason given. */
@Revision("1")
public record ForumSessionCancelled(String competitionId, String sessionId, String reason) {
}
