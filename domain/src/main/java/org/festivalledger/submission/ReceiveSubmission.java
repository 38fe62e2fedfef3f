package org.festivalledger.submission;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Receives one film into a competition; addressed to the competition, whose rules decide whether it is on time and
 * fits. {@code entrantId} names the entrant who sends it themselves; {@code null} when an organiser records it.
 */
public record ReceiveSubmission(@TargetAggregateIdentifier String competitionId,
                                String submissionId,
                                Entry entry,
                                Instant receivedAt,
                                String entrantId) {

    /** An entry an organiser records. */
    public ReceiveSubmission(String competitionId, String submissionId, Entry entry, Instant receivedAt) {
        this(competitionId, submissionId, entry, receivedAt, null);
    }
}
