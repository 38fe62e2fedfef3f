package org.festivalledger.programme;

/**
 * Something the organiser must decide about, e.g. {@code FILM_WITHDRAWN}: a screening shows a film that has left
 * the competition. It stays until the screening is rescheduled without that film or cancelled.
 */
public record ScheduleWarning(String code, String submissionId, String message) {
}
