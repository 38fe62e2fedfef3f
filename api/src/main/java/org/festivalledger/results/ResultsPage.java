package org.festivalledger.results;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.ledger.LedgerHead;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.programme.ProgrammeSchedule;
import org.festivalledger.programme.Schedule;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The public results page, rendered on the server so it reads without JavaScript: the list of competitions at
 * {@code /}, and each competition's awards, shortlists and public schedule at {@code /competitions/{id}}.
 */
@Controller
class ResultsPage {

    private final PublicResults results;
    private final ProgrammeSchedule programme;
    private final LedgerLog ledger;

    ResultsPage(PublicResults results, ProgrammeSchedule programme, LedgerLog ledger) {
        this.results = results;
        this.programme = programme;
        this.ledger = ledger;
    }

    @GetMapping("/")
    String competitions(Model model) {
        model.addAttribute("competitions", results.competitions());
        return "public/competitions";
    }

    @GetMapping("/competitions/{competitionId}")
    String competition(@PathVariable String competitionId, Model model, HttpServletResponse response) {
        Optional<CompetitionView> found = results.competition(competitionId);
        if (found.isEmpty()) {
            // Rendered here rather than thrown: the API's problem handler would answer a browser with JSON.
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("status", HttpStatus.NOT_FOUND.value());
            return "error";
        }
        CompetitionView competition = found.get();
        Optional<PublishedResults> published = results.of(competitionId);
        model.addAttribute("competition", competition);
        model.addAttribute("results", published.orElse(null));
        // The public programme is public from the moment it is scheduled, embargo or not.
        Schedule schedule = programme.publicSchedule(competitionId);
        model.addAttribute("schedule", schedule.days().isEmpty() ? null : schedule);
        model.addAttribute("zone", ZoneId.of(schedule.timeZone()));
        // The digest the organiser publishes with the results: anyone can check a later export against it.
        // The head this node has seen, not the stored one: a crowd at the ceremony must never queue on the
        // ledger's append lock (where jurors' scores wait too) nor read the store once per page view.
        LedgerHead head = ledger.knownHead();
        model.addAttribute("head", published.isPresent() ? head : null);
        return "public/competition";
    }
}
