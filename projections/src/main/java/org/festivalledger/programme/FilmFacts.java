package org.festivalledger.programme;

import org.festivalledger.submission.SubmissionStatus;

/** What the schedule shows of an entry, and whether it is still in the competition (for warnings). */
public record FilmFacts(String submissionId, String competitionId, String title, int runtimeMinutes,
                        SubmissionStatus status, String statusReason) {

    FilmFacts with(SubmissionStatus newStatus, String reason) {
        return new FilmFacts(submissionId, competitionId, title, runtimeMinutes, newStatus, reason);
    }
}
