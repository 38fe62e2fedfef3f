package org.festivalledger.submission;

import org.axonframework.serialization.Revision;

/** A film was withdrawn from its competition, for the reason given. */
@Revision("1")
public record SubmissionWithdrawn(String submissionId, String competitionId, String reason) {
}
