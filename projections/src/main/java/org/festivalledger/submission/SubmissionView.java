package org.festivalledger.submission;

import java.time.Instant;
import java.util.List;

/**
 * A film entry as the organiser's list shows it, with where it stands and why; {@code entrantId} is the pseudonymous
 * id of the entrant who sent it themselves ({@code null} for an entry an organiser recorded).
 */
public record SubmissionView(String id, String competitionId, String title, List<String> team, String country,
                             int runtimeMinutes, String synopsis, AiDisclosure aiDisclosure, Instant receivedAt,
                             SubmissionStatus status, String statusReason, String entrantId) {

    static SubmissionView received(SubmissionReceived event) {
        Entry entry = event.entry();
        return new SubmissionView(event.submissionId(), event.competitionId(), entry.title(), entry.team(),
                entry.country(), entry.runtimeMinutes(), entry.synopsis(), entry.aiDisclosure(), event.receivedAt(),
                SubmissionStatus.RECEIVED, null, event.entrantId());
    }

    SubmissionView with(SubmissionStatus newStatus, String reason) {
        return new SubmissionView(id, competitionId, title, team, country, runtimeMinutes, synopsis, aiDisclosure,
                receivedAt, newStatus, reason, entrantId);
    }

    /** The entry as it stands. */
    public Entry entry() {
        return new Entry(title, team, country, runtimeMinutes, synopsis, aiDisclosure);
    }

    SubmissionView amended(EntryChanges changes) {
        Entry now = changes.applyTo(entry());
        return new SubmissionView(id, competitionId, now.title(), now.team(), now.country(), now.runtimeMinutes(),
                now.synopsis(), now.aiDisclosure(), receivedAt, status, statusReason, entrantId);
    }
}
