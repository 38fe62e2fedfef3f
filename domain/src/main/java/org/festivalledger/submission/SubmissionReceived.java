package org.festivalledger.submission;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A film was received into a competition, on time and within its rules. */
@Revision("1")
public record SubmissionReceived(String submissionId, String competitionId, Entry entry, Instant receivedAt) {
}
