package org.festivalledger.standings;

import java.time.Instant;

/** An entry taking part in a round, with what the tie-break needs (when it was received). */
public record EntryInfo(String submissionId, String title, Instant receivedAt) {
}
