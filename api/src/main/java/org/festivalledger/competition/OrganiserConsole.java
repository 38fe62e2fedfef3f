package org.festivalledger.competition;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.ProjectionProgress;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Duration;
import java.util.Optional;

/**
 * What every page of the organiser's console about one competition does alike: find the competition (its
 * navigation needs it) or answer the page-not-found page, and let the views catch up with what a form recorded
 * before redirecting, so the page it leads to shows it.
 */
@Component
public class OrganiserConsole {

    /** The view that answers an unknown competition or round. */
    public static final String NOT_FOUND = "error";

    private final CompetitionCatalogue catalogue;
    private final ProjectionProgress progress;

    OrganiserConsole(CompetitionCatalogue catalogue, ProjectionProgress progress) {
        this.catalogue = catalogue;
        this.progress = progress;
    }

    /** The competition, added to the model as {@code competition}; empty (and the answer a 404) if unknown. */
    public Optional<CompetitionView> competition(String competitionId, HttpServletResponse response, Model model) {
        Optional<CompetitionView> competition = catalogue.find(competitionId);
        competition.ifPresentOrElse(found -> model.addAttribute("competition", found),
                () -> notFound(response, model));
        return competition;
    }

    /** Answers the page-not-found page. */
    public String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        return NOT_FOUND;
    }

    /** Waits (briefly) until the views include what was recorded at {@code position}. */
    public void settle(long position) {
        progress.awaitPosition(position, Duration.ofSeconds(5));
    }
}
