package org.festivalledger.programme;

import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import java.util.Collection;
import java.util.List;

/**
 * The films a screening's forms offer: every entry still in the competition, and any already chosen that has left
 * it, so that a screening keeps showing (and marks) the film it holds rather than dropping it unseen. Shared by the
 * new-screening form and a screening's move form.
 */
@Component
class FilmChoices {

    /** A film a screening form offers: an entry still in the competition, or one chosen that has left it. */
    record FilmChoice(String id, String title, int runtimeMinutes, SubmissionStatus status, boolean chosen) {

        public boolean inCompetition() {
            return status == SubmissionStatus.RECEIVED;
        }
    }

    private final SubmissionRegister register;

    FilmChoices(SubmissionRegister register) {
        this.register = register;
    }

    List<FilmChoice> offered(String competitionId, Collection<String> chosen) {
        return register.of(competitionId).stream()
                .filter(entry -> entry.status() == SubmissionStatus.RECEIVED || chosen.contains(entry.id()))
                .map(entry -> new FilmChoice(entry.id(), entry.title(), entry.runtimeMinutes(), entry.status(),
                        chosen.contains(entry.id())))
                .toList();
    }

    /** The films a form chose, in the order it sent them. */
    static List<String> chosen(MultiValueMap<String, String> form) {
        List<String> chosen = form.get("submissionIds");
        return chosen == null ? List.of() : List.copyOf(chosen);
    }
}
