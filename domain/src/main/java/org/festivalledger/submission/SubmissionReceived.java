package org.festivalledger.submission;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A film was received into a competition, on time and within its rules.
 * <p>
 * Revision 2 adds {@code entrantId}: the pseudonymous id of the entrant who sent it themselves, or {@code null} for
 * an entry an organiser recorded (one by one or by import). Revision 1 events, all recorded by organisers, are read
 * as revision 2 with no entrant ({@link SubmissionReceivedUpcaster}).
 */
@Revision("2")
public record SubmissionReceived(String submissionId, String competitionId, Entry entry, Instant receivedAt,
                                 String entrantId) {

    /** An entry an organiser recorded: no entrant of its own. */
    public SubmissionReceived(String submissionId, String competitionId, Entry entry, Instant receivedAt) {
        this(submissionId, competitionId, entry, receivedAt, null);
    }
}
