package org.festivalledger.programme;

import org.festivalledger.submission.SubmissionStatus;

/**
 * What the programme needs to know about a film it is asked to screen, read from the entry register when the
 * request was made: the programme does not follow the entries itself, so the command carries these facts.
 */
public record ScheduledFilm(String submissionId, int runtimeMinutes, SubmissionStatus status) {

    FilmSlot slot() {
        return new FilmSlot(submissionId, runtimeMinutes);
    }
}
