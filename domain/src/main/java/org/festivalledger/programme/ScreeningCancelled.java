package org.festivalledger.programme;

import org.axonframework.serialization.Revision;

/** A screening was cancelled, for the reason given. */
@Revision("1")
public record ScreeningCancelled(String competitionId, String screeningId, String reason) {
}
