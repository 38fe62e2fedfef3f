package org.festivalledger.programme;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.festivalledger.submission.SubmissionStatus;

/** A film in a screening: its title and runtime, and for the organiser whether it is still in the competition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilmLine(String submissionId, String title, int runtimeMinutes, SubmissionStatus status) {
}
