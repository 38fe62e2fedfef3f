package org.festivalledger.submission;

import org.axonframework.serialization.Revision;

/** A film was ruled ineligible for its competition, for the reason given. */
@Revision("1")
public record SubmissionRuledIneligible(String submissionId, String competitionId, String reason) {
}
