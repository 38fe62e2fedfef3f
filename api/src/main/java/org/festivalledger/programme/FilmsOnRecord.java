package org.festivalledger.programme;

import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionView;
import org.festivalledger.submission.UnknownSubmission;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The films a programme request names, with the facts the programme's rules need, read from the entry register
 * once every view has caught up with the whole ledger: a film received or withdrawn a moment ago is seen as it is.
 * What remains (a withdrawal recorded while the command is on its way) is flagged by the schedule's warnings.
 */
@Component
class FilmsOnRecord {

    private final SubmissionRegister register;
    private final ViewsAtHead views;

    FilmsOnRecord(SubmissionRegister register, ViewsAtHead views) {
        this.register = register;
        this.views = views;
    }

    /**
     * The films, in the order named. A film unknown here or entered in another competition is a 404, as when it
     * is reached through the wrong competition's URL; a blank id is left for the programme to name as bad input.
     */
    List<ScheduledFilm> named(String competitionId, List<String> submissionIds) {
        if (submissionIds == null) {
            return null;
        }
        views.await();
        return submissionIds.stream().map(id -> facts(competitionId, id)).toList();
    }

    private ScheduledFilm facts(String competitionId, String submissionId) {
        if (submissionId == null || submissionId.isBlank()) {
            return new ScheduledFilm(submissionId, 0, null);
        }
        SubmissionView film = register.find(submissionId)
                .filter(view -> view.competitionId().equals(competitionId))
                .orElseThrow(() -> new UnknownSubmission(submissionId, competitionId));
        return new ScheduledFilm(submissionId, film.runtimeMinutes(), film.status());
    }
}
