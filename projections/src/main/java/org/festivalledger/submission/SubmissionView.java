package org.festivalledger.submission;

import java.time.Instant;
import java.util.List;

/** A film entry as the organiser's list shows it, with where it stands and why. */
public record SubmissionView(String id, String competitionId, String title, List<String> team, String country,
                             int runtimeMinutes, String synopsis, AiDisclosure aiDisclosure, Instant receivedAt,
                             SubmissionStatus status, String statusReason) {

    static SubmissionView received(SubmissionReceived event) {
        Entry entry = event.entry();
        return new SubmissionView(event.submissionId(), event.competitionId(), entry.title(), entry.team(),
                entry.country(), entry.runtimeMinutes(), entry.synopsis(), entry.aiDisclosure(), event.receivedAt(),
                SubmissionStatus.RECEIVED, null);
    }

    SubmissionView with(SubmissionStatus newStatus, String reason) {
        return new SubmissionView(id, competitionId, title, team, country, runtimeMinutes, synopsis, aiDisclosure,
                receivedAt, newStatus, reason);
    }
}
