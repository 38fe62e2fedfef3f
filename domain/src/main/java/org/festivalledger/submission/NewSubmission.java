package org.festivalledger.submission;

/** One line of an import: the id the new submission will have and the film it describes. */
public record NewSubmission(String submissionId, Entry entry) {
}
