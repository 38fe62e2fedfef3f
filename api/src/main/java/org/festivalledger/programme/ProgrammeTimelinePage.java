package org.festivalledger.programme;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.language.FestivalTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organiser's programme in the browser: a timeline of each festival day by venue, in the festival's time zone
 * ({@link FestivalTime}), with the schedule's warnings gathered above it. The forms that change the programme
 * ({@link VenuePages}, {@link ScreeningPages}, {@link ForumSessionPages}) lead back here, and the timeline names
 * what they just added ({@code ?venueAdded=}, {@code ?scheduled=}) so the organiser sees it landed.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/programme")
class ProgrammeTimelinePage {

    private final CompetitionCatalogue catalogue;
    private final ProgrammeSchedule schedule;
    private final FestivalTime time;

    ProgrammeTimelinePage(CompetitionCatalogue catalogue, ProgrammeSchedule schedule, FestivalTime time) {
        this.catalogue = catalogue;
        this.schedule = schedule;
        this.time = time;
    }

    @GetMapping
    String timeline(@PathVariable String competitionId, @RequestParam(required = false) String scheduled,
                    @RequestParam(required = false) String venueAdded, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return PageAnswers.notFound(response, model);
        }
        Schedule timeline = schedule.organiserSchedule(competitionId, time.zone());
        model.addAttribute("competition", competition);
        model.addAttribute("schedule", timeline);
        model.addAttribute("venues", schedule.venues(competitionId));
        model.addAttribute("warned", timeline.entries().stream()
                .filter(entry -> entry.warnings() != null && !entry.warnings().isEmpty()).toList());
        model.addAttribute("justScheduled", scheduled == null ? null : timeline.entries().stream()
                .filter(entry -> entry.id().equals(scheduled)).findFirst().orElse(null));
        model.addAttribute("justAdded", venueAdded == null ? null : schedule.venues(competitionId).stream()
                .filter(venue -> venue.id().equals(venueAdded)).findFirst().orElse(null));
        return "organiser/programme";
    }
}
