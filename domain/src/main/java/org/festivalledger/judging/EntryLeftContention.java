package org.festivalledger.judging;

import org.axonframework.serialization.Revision;

/**
 * The judging learnt that an entry left the competition (withdrawn or ruled ineligible): it can no longer be
 * shortlisted or awarded. Recorded once, whether or not the entry was in an open round at the time.
 */
@Revision("1")
public record EntryLeftContention(String competitionId, String submissionId, String reason) implements JudgingEvent {
}
