package org.festivalledger.round;

/** One juror assigned to one entry. */
public record Assignment(String jurorId, String submissionId) {
}
