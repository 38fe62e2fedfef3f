package org.festivalledger.submission;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The entrant changed their entry before the deadline: {@code changed} holds only the fields that changed. */
@Revision("1")
public record SubmissionAmended(String submissionId, String competitionId, EntryChanges changed, Instant amendedAt) {
}
